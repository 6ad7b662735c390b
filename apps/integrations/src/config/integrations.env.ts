import { ServiceEnv } from '@frontoffice/platform';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, Matches, Max, Min, ValidateBy } from 'class-validator';
import { AddressPolicy } from '../webhooks/deliveries/address-policy';

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
const toBoolean = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? ['true', '1', 'yes', 'on'].includes(value.trim().toLowerCase()) : value;

/** Documented development key for webhook signing secrets at rest; refused when NODE_ENV=production. */
export const DEV_WEBHOOK_SECRETS_KEY = 'ZGV2LW9ubHktd2ViaG9vay1zZWNyZXRzLWtleS0zMmI=';

/** Integrations settings; everything shared lives in ServiceEnv. */
export class IntegrationsEnv extends ServiceEnv {
  /**
   * Networks a webhook may reach although they are loopback, private, link-local, CGNAT or otherwise internal:
   * comma-separated CIDRs or addresses (e.g. `127.0.0.1/32,::1/128` for local development). Empty in production.
   */
  @ValidateBy({
    name: 'isNetworkList',
    validator: {
      validate: (value) => typeof value === 'string' && AddressPolicy.isValidAllowList(value),
      defaultMessage: () => 'WEBHOOK_ALLOWED_NETWORKS must be comma-separated IP addresses or CIDRs',
    },
  })
  WEBHOOK_ALLOWED_NETWORKS = '';

  /** Plain `http://` endpoints (local development and tests only); production subscribers use HTTPS. */
  @Transform(toBoolean)
  @IsBoolean()
  WEBHOOK_ALLOW_HTTP = false;

  /** AES-256-GCM key (base64, 32 bytes) that encrypts signing secrets at rest. */
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'WEBHOOK_SECRETS_KEY must be 32 bytes, base64-encoded' })
  WEBHOOK_SECRETS_KEY = DEV_WEBHOOK_SECRETS_KEY;

  /** Runs the delivery worker in this instance; several instances share the queue. */
  @Transform(toBoolean)
  @IsBoolean()
  WEBHOOK_WORKER_ENABLED = true;

  /** Deliveries in flight at once in this instance, across all subscriptions. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  WEBHOOK_WORKER_CONCURRENCY = 32;

  /** Default for a new subscription: deliveries in flight at once for one subscription (one per property). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  WEBHOOK_SUBSCRIPTION_CONCURRENCY = 4;

  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(60_000)
  WEBHOOK_POLL_INTERVAL_MS = 500;

  /** A subscriber has this long to answer (connect, headers and body) before the attempt counts as failed. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(120_000)
  WEBHOOK_TIMEOUT_MS = 10_000;

  /** First retry delay; each failure doubles it (with jitter) up to WEBHOOK_RETRY_MAX_DELAY_MS. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  WEBHOOK_RETRY_BASE_DELAY_MS = 5_000;

  @Transform(toInt)
  @IsInt()
  @Min(10)
  WEBHOOK_RETRY_MAX_DELAY_MS = 4 * 3600_000;

  /**
   * Consecutive failed attempts after which a subscription pauses itself. The default, with the default delays,
   * keeps retrying for more than 24 hours first.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  WEBHOOK_PAUSE_AFTER_FAILURES = 20;

  /** Delivered webhooks (and their attempts) stay in the log this long; waiting ones are never purged. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3650)
  WEBHOOK_LOG_RETENTION_DAYS = 30;

  /** How long the previous signing secret keeps signing after a rotation, unless the request says otherwise. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(7 * 24 * 3600)
  WEBHOOK_ROTATION_OVERLAP_SECONDS = 24 * 3600;

  /** Runs the channel-manager push worker in this instance; several instances share the lanes. */
  @Transform(toBoolean)
  @IsBoolean()
  CHANNEL_PUSH_ENABLED = true;

  /** How often the push worker looks for changes when not woken by the consumer (the lag upper bound). */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(60_000)
  CHANNEL_PUSH_POLL_MS = 500;

  /** (Channel, property) lanes pushed at once by this instance. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  CHANNEL_PUSH_CONCURRENCY = 16;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(120_000)
  CHANNEL_PUSH_TIMEOUT_MS = 10_000;

  /** First retry delay of a failed push; doubles (with jitter) up to CHANNEL_PUSH_RETRY_MAX_DELAY_MS, never gives up. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  CHANNEL_PUSH_RETRY_BASE_DELAY_MS = 1_000;

  @Transform(toInt)
  @IsInt()
  @Min(10)
  CHANNEL_PUSH_RETRY_MAX_DELAY_MS = 300_000;
}
