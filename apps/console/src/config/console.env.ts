import { ServiceEnv } from '@frontoffice/platform';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsString, IsUrl, Matches, Max, Min, MinLength } from 'class-validator';

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
const toBoolean = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? ['true', '1', 'yes', 'on'].includes(value.trim().toLowerCase()) : value;
const serviceUrl = { require_tld: false, protocols: ['http', 'https'], require_protocol: true };

/** Documented development key for the tokens sealed in sessions; refused when NODE_ENV=production. */
export const DEV_CONSOLE_SESSION_KEY = 'ZGV2LW9ubHktY29uc29sZS1zZXNzaW9uLWtleS0zMmI=';
/** The local provider's client secret (infra/oidc/local-idp.mjs); refused when NODE_ENV=production. */
export const DEV_OIDC_CLIENT_SECRET = 'frontoffice-console-local-secret';

/**
 * The console backend-for-frontend's settings; the shared ones (database, Kafka, logs, AUTH_ROLES_CLAIM and
 * AUTH_PROPERTIES_CLAIM) live in ServiceEnv.
 */
export class ConsoleEnv extends ServiceEnv {
  /** Where browsers reach the console: the OpenID redirect URIs and the same-origin check derive from it. */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  CONSOLE_PUBLIC_URL = 'http://127.0.0.1:3000';

  /** AES-256-GCM key (base64, 32 bytes) sealing the access, refresh and id tokens kept in sessions. */
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'CONSOLE_SESSION_KEY must be 32 bytes, base64-encoded' })
  CONSOLE_SESSION_KEY = DEV_CONSOLE_SESSION_KEY;

  /** A session unused for this long ends. */
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(7 * 24 * 3600)
  SESSION_IDLE_TIMEOUT_SECONDS = 30 * 60;

  /** A session ends this long after sign-in, however busy: staff sign in again at least once a shift. */
  @Transform(toInt)
  @IsInt()
  @Min(300)
  @Max(30 * 24 * 3600)
  SESSION_ABSOLUTE_TIMEOUT_SECONDS = 12 * 3600;

  /** Live-update streams one session may hold open at once (tabs); the oldest is closed past it. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  LIVE_MAX_STREAMS_PER_SESSION = 5;

  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(120_000)
  LIVE_HEARTBEAT_MS = 15_000;

  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  OIDC_ISSUER_URL = 'http://127.0.0.1:3009';

  @IsString()
  @MinLength(1)
  OIDC_CLIENT_ID = 'frontoffice-console';

  @IsString()
  @MinLength(8)
  OIDC_CLIENT_SECRET = DEV_OIDC_CLIENT_SECRET;

  @Matches(/^openid( [\w:./-]+)*$/, { message: 'OIDC_SCOPES must start with openid, space-separated' })
  OIDC_SCOPES = 'openid profile offline_access';

  /** Plain-http issuer (local provider, tests); production providers are https. */
  @Transform(toBoolean)
  @IsBoolean()
  OIDC_ALLOW_HTTP = true;

  /** Access tokens are refreshed when they have less than this left, so a forwarded call never carries a stale one. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(3600)
  OIDC_REFRESH_MARGIN_SECONDS = 60;

  /** A sign-in started but not completed within this long is forgotten (its state, nonce and PKCE verifier). */
  @Transform(toInt)
  @IsInt()
  @Min(30)
  @Max(3600)
  OIDC_LOGIN_TIMEOUT_SECONDS = 600;

  @IsUrl(serviceUrl)
  RESERVATIONS_URL = 'http://127.0.0.1:3001';

  @IsUrl(serviceUrl)
  CONCIERGE_URL = 'http://127.0.0.1:3002';

  @IsUrl(serviceUrl)
  STAFFING_URL = 'http://127.0.0.1:3003';

  @IsUrl(serviceUrl)
  BILLING_BRIDGE_URL = 'http://127.0.0.1:3004';

  @IsUrl(serviceUrl)
  INTEGRATIONS_URL = 'http://127.0.0.1:3005';

  /** A forwarded call whose service has not answered (headers) within this long gets 504. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(300_000)
  FORWARD_TIMEOUT_MS = 30_000;

  /** The built single-page app; empty means next to this file (`dist/web`). */
  @IsString()
  CONSOLE_WEB_DIR = '';

  /** The console publishes no events: no outbox to relay. */
  override OUTBOX_RELAY_ENABLED = false;

  /** Live updates are about what happens from now on, never the retained history. */
  override KAFKA_FROM_BEGINNING = false;
}
