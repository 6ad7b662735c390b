import { ServiceEnv } from '@frontoffice/platform';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
const toBoolean = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? ['true', '1', 'yes', 'on'].includes(value.trim().toLowerCase()) : value;

/** Concierge settings; everything shared lives in ServiceEnv. */
export class ConciergeEnv extends ServiceEnv {
  /** Every instance runs the SLA escalation scheduler; rows are claimed in the database, so each escalates once. */
  @Transform(toBoolean)
  @IsBoolean()
  ESCALATION_ENABLED = true;

  @Transform(toInt)
  @IsInt()
  @Min(50)
  @Max(600_000)
  ESCALATION_INTERVAL_MS = 15_000;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  ESCALATION_BATCH_SIZE = 100;

  // Guest e-mail: the SMTP relay (a local mail catcher in development, the hotel's relay in production).
  @IsString()
  @MinLength(1)
  SMTP_HOST = '127.0.0.1';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  SMTP_PORT = 1025;

  /** Implicit TLS from the first byte (port 465); otherwise plain SMTP upgraded by STARTTLS when offered. */
  @Transform(toBoolean)
  @IsBoolean()
  SMTP_SECURE = false;

  /** Refuse to send unless the relay upgrades the connection with STARTTLS. */
  @Transform(toBoolean)
  @IsBoolean()
  SMTP_REQUIRE_TLS = false;

  @IsOptional()
  @IsString()
  SMTP_USER?: string;

  @IsOptional()
  @IsString()
  SMTP_PASSWORD?: string;

  /** Keep connections to the relay open and reuse them. */
  @Transform(toBoolean)
  @IsBoolean()
  SMTP_POOL = true;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  SMTP_MAX_CONNECTIONS = 3;

  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(300_000)
  SMTP_TIMEOUT_MS = 30_000;

  /** Every instance runs the delivery worker; rows are locked with SKIP LOCKED, so each message goes out once. */
  @Transform(toBoolean)
  @IsBoolean()
  MAIL_DELIVERY_ENABLED = true;

  @Transform(toInt)
  @IsInt()
  @Min(50)
  @Max(600_000)
  MAIL_POLL_INTERVAL_MS = 2_000;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  MAIL_BATCH_SIZE = 20;

  /** Attempts before a message that keeps being deferred is marked failed. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  MAIL_MAX_ATTEMPTS = 10;

  /** First retry delay; it doubles with every attempt, up to MAIL_RETRY_MAX_MS. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(3_600_000)
  MAIL_RETRY_BASE_MS = 60_000;

  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(86_400_000)
  MAIL_RETRY_MAX_MS = 3_600_000;

  /** How often pre-arrival messages and group-event reminders that fell due are queued. */
  @Transform(toBoolean)
  @IsBoolean()
  MAIL_SCHEDULER_ENABLED = true;

  @Transform(toInt)
  @IsInt()
  @Min(50)
  @Max(3_600_000)
  MAIL_SCHEDULE_INTERVAL_MS = 60_000;

  /** Sender address of a property that has not set its own. */
  @IsEmail({ require_tld: false })
  MAIL_DEFAULT_FROM_ADDRESS = 'frontdesk@hotel.localhost';

  /** Signs the opt-out links in guest e-mails; set a long random value in production. */
  @IsString()
  @MinLength(16, { message: 'MAIL_OPT_OUT_SECRET must be at least 16 characters' })
  MAIL_OPT_OUT_SECRET = 'dev-only-opt-out-secret-change-me';

  /** Where guests reach this service's public opt-out page (the link in every automatic message). */
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'MAIL_PUBLIC_BASE_URL must be an http(s) URL' })
  MAIL_PUBLIC_BASE_URL = 'http://127.0.0.1:3002';

  /** The reservations API, which keeps guests' e-mail addresses (they never travel on Kafka). */
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'RESERVATIONS_URL must be an http(s) URL' })
  RESERVATIONS_URL = 'http://127.0.0.1:3001';
}
