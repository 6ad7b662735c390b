import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsUrl,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
  ValidationError,
} from 'class-validator';
import { AppName, DEV_JWT_SECRET, isPublishedSecret, SERVICE_DEFAULTS } from './service-defaults';

const toBoolean = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string') return value;
  const normalised = value.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(normalised)) return true;
  if (['false', '0', 'no', 'off'].includes(normalised)) return false;
  return value;
};
/** `name` or `a.b.c`: no blanks, no empty segment. */
const CLAIM_PATH = /^[^\s.]+(\.[^\s.]+)*$/;

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;

/**
 * Settings every service reads from its environment. A service extends this class for its own settings.
 * Defaults make a fresh clone run locally; `loadServiceEnv` refuses to start on any invalid value.
 */
export class ServiceEnv {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT!: number;

  @IsString()
  HOST = '0.0.0.0';

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// connection URL' })
  DATABASE_URL!: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  @Transform(toBoolean)
  @IsBoolean()
  DB_MIGRATIONS_RUN = true;

  @Matches(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, { message: 'KAFKA_BROKERS must be host:port[,host:port...]' })
  KAFKA_BROKERS = '127.0.0.1:9092';

  @IsString()
  @MinLength(1)
  KAFKA_CLIENT_ID!: string;

  @IsString()
  @MinLength(1)
  KAFKA_GROUP_ID!: string;

  @Transform(toBoolean)
  @IsBoolean()
  KAFKA_CONSUMER_ENABLED = true;

  /** A new consumer group reads the whole retained topic, so a fresh deployment builds its read models. */
  @Transform(toBoolean)
  @IsBoolean()
  KAFKA_FROM_BEGINNING = true;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(20)
  CONSUMER_MAX_ATTEMPTS = 4;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(60_000)
  CONSUMER_RETRY_BACKOFF_MS = 200;

  /** Cap of the back-off while a transient failure (database or broker away) is retried, for as long as it lasts. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(300_000)
  CONSUMER_RETRY_MAX_BACKOFF_MS = 5000;

  /** Most events a consumer applies in one database transaction. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10_000)
  CONSUMER_BATCH_MAX_EVENTS = 500;

  /** A consumer transaction slower than this halves the next one on its partition. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(60_000)
  CONSUMER_BATCH_MAX_MS = 1000;

  /** Partitions a consumer handles at the same time (each in its own transaction, so within the pool size). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  CONSUMER_PARTITIONS_CONCURRENCY = 3;

  /**
   * Largest produce request the relay sends, and so the largest single event: keep it below the broker's
   * `message.max.bytes` (1,048,588 by default). An event above it is parked in the outbox with its reason.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(100_000_000)
  KAFKA_MAX_MESSAGE_BYTES = 1_000_000;

  @Transform(toBoolean)
  @IsBoolean()
  OUTBOX_RELAY_ENABLED = true;

  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(60_000)
  OUTBOX_POLL_INTERVAL_MS = 1000;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(5000)
  OUTBOX_BATCH_SIZE = 200;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  OUTBOX_RETENTION_HOURS = 168;

  /** A relay that cannot publish for this long hands the lead to another instance of the service. */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(3_600_000)
  OUTBOX_RELAY_STEP_DOWN_MS = 30_000;

  @IsString()
  @MinLength(16, { message: 'AUTH_JWT_SECRET must be at least 16 characters' })
  AUTH_JWT_SECRET = DEV_JWT_SECRET;

  /** PEM public key; when set, RS256 tokens are accepted too. `\n` escapes are allowed for one-line env files. */
  @IsOptional()
  @Matches(/-----BEGIN (RSA )?PUBLIC KEY-----/, { message: 'AUTH_JWT_PUBLIC_KEY must be a PEM public key' })
  AUTH_JWT_PUBLIC_KEY?: string;

  @IsOptional()
  @IsString()
  AUTH_JWT_ISSUER?: string;

  @IsOptional()
  @IsString()
  AUTH_JWT_AUDIENCE?: string;

  /**
   * The identity provider's JSON Web Key Set: RS256 tokens are verified with the key their `kid` names, fetched and
   * cached from here (a `kid` not seen yet fetches the set again, so the provider can rotate keys without a restart).
   */
  @IsOptional()
  @IsUrl(
    { require_tld: false, protocols: ['http', 'https'], require_protocol: true },
    { message: 'AUTH_JWKS_URL must be an http(s) URL' },
  )
  AUTH_JWKS_URL?: string;

  /** Without AUTH_JWKS_URL: find the key set from AUTH_JWT_ISSUER + /.well-known/openid-configuration (`jwks_uri`). */
  @Transform(toBoolean)
  @IsBoolean()
  AUTH_OIDC_DISCOVERY = false;

  /** How long a fetched signing key is trusted before the key set is read again. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(24 * 3600)
  AUTH_JWKS_CACHE_SECONDS = 600;

  /**
   * While the key set cannot be fetched, a key fetched before keeps verifying tokens this much longer than
   * AUTH_JWKS_CACHE_SECONDS (0: not at all). The trade-off: a key withdrawn during such an outage stays trusted.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(7 * 24 * 3600)
  AUTH_JWKS_STALE_SECONDS = 3600;

  /** At most this many key-set fetches a minute (unknown `kid`s cannot make a service hammer its provider). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(600)
  AUTH_JWKS_REQUESTS_PER_MINUTE = 10;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60_000)
  AUTH_JWKS_TIMEOUT_MS = 5000;

  /**
   * Where the provider's access tokens carry the roles and the property ids: a claim name or a dot path into
   * nested claims (Keycloak: `realm_access.roles`). HS256 development tokens always use `roles` and `properties`.
   */
  @Matches(CLAIM_PATH, { message: 'AUTH_ROLES_CLAIM must be a claim name or a dot path like realm_access.roles' })
  AUTH_ROLES_CLAIM = 'roles';

  @Matches(CLAIM_PATH, {
    message: 'AUTH_PROPERTIES_CLAIM must be a claim name or a dot path like attributes.properties',
  })
  AUTH_PROPERTIES_CLAIM = 'properties';

  /** Tokens must carry `exp`; one whose lifetime (`exp` - `iat`, or `exp` - now without `iat`) is longer is refused. */
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(7 * 24 * 3600)
  AUTH_JWT_MAX_LIFETIME_SECONDS = 12 * 3600;

  /** Allowed clock difference with the token issuer when checking `exp`, `nbf` and `iat`. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(300)
  AUTH_JWT_CLOCK_TOLERANCE_SECONDS = 30;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Requests per client and window; see `RATE_LIMIT_*_PER_WINDOW`. Off only for tests of other features. */
  @Transform(toBoolean)
  @IsBoolean()
  RATE_LIMIT_ENABLED = true;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  RATE_LIMIT_WINDOW_SECONDS = 60;

  /** Per bearer token: reads (GET), writes (POST, PUT, PATCH, DELETE) and expensive routes (reports, exports). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_READ_PER_WINDOW = 1200;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_WRITE_PER_WINDOW = 300;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_EXPENSIVE_PER_WINDOW = 30;

  /** Per client address, every route together: a hotel's desks often share one address, so it is higher. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_ADDRESS_PER_WINDOW = 6000;

  /** When set, `/metrics` answers only to `Authorization: Bearer <METRICS_TOKEN>`. */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'METRICS_TOKEN must be at least 16 characters' })
  METRICS_TOKEN?: string;

  /** When set, `/metrics` is served on this port only (e.g. one the load balancer does not expose), not on PORT. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  METRICS_PORT?: number;

  /** How long a `/health/ready` answer is reused, so probes and scanners cannot hammer the database and broker. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(60_000)
  READINESS_CACHE_MS = 1000;
}

export class EnvValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'EnvValidationError';
  }
}

function flatten(errors: ValidationError[]): string[] {
  return errors.flatMap((error) =>
    Object.values(error.constraints ?? {}).map(
      (message) => `${error.property}: ${message} (got ${JSON.stringify(error.value)})`,
    ),
  );
}

type EnvSource = Record<string, string | undefined>;

/**
 * Reads and validates a service's settings. Unknown variables are ignored (the process environment holds many);
 * empty strings count as unset so that `FOO=` in an env file falls back to the default.
 */
/** Settings that hold a secret, by name. */
const SECRET_SETTING = /(?:SECRET|_KEY|PASSWORD|TOKEN)$/;

export function loadServiceEnv<T extends ServiceEnv>(
  service: AppName,
  envClass: new () => T,
  source: EnvSource = process.env,
): T {
  const defaults = SERVICE_DEFAULTS[service];
  const provided = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ''),
  );
  const raw: EnvSource = {
    PORT: String(defaults.port),
    DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${defaults.database}`,
    KAFKA_CLIENT_ID: `frontoffice-${service}`,
    KAFKA_GROUP_ID: `frontoffice-${service}`,
    ...provided,
  };
  const env = plainToInstance(envClass, raw, { exposeDefaultValues: true });
  // whitelist drops every variable the class does not declare: the environment holds many unrelated ones.
  const problems = flatten(validateSync(env, { whitelist: true }));
  const jwks = Boolean(env.AUTH_JWKS_URL) || env.AUTH_OIDC_DISCOVERY;
  const rs256 = Boolean(env.AUTH_JWT_PUBLIC_KEY) || jwks;
  if (env.NODE_ENV === 'production' && !rs256) {
    if (env.AUTH_JWT_SECRET === DEV_JWT_SECRET) {
      problems.push('AUTH_JWT_SECRET: the development default secret is refused when NODE_ENV=production');
    } else if (isPublishedSecret(env.AUTH_JWT_SECRET)) {
      problems.push(
        'AUTH_JWT_SECRET: this secret is published in the repository and is refused when NODE_ENV=production',
      );
    }
  }
  // Every service's own secrets too (opt-out link signing, webhook secret sealing…): a default written in this
  // repository is known to everyone.
  if (env.NODE_ENV === 'production') {
    for (const [name, value] of Object.entries(env)) {
      if (name === 'AUTH_JWT_SECRET' || !SECRET_SETTING.test(name) || typeof value !== 'string') continue;
      if (isPublishedSecret(value)) {
        problems.push(`${name}: this secret is published in the repository and is refused when NODE_ENV=production`);
      }
    }
  }
  // An identity provider signs tokens for many applications: without both checks, any of its tokens would do.
  if (rs256 && (!env.AUTH_JWT_ISSUER || !env.AUTH_JWT_AUDIENCE)) {
    const setting = env.AUTH_JWT_PUBLIC_KEY
      ? 'AUTH_JWT_PUBLIC_KEY'
      : env.AUTH_JWKS_URL
        ? 'AUTH_JWKS_URL'
        : 'AUTH_OIDC_DISCOVERY';
    problems.push(`${setting}: RS256 needs AUTH_JWT_ISSUER and AUTH_JWT_AUDIENCE to be set too`);
  }
  // One source of RS256 keys, so that which key verified a token is never a guess.
  if (env.AUTH_JWT_PUBLIC_KEY && jwks) {
    problems.push(
      'AUTH_JWT_PUBLIC_KEY: set either a public key or a key set (AUTH_JWKS_URL / AUTH_OIDC_DISCOVERY), not both',
    );
  }
  if (env.AUTH_OIDC_DISCOVERY && env.AUTH_JWT_ISSUER && !/^https?:\/\/[^\s]+$/.test(env.AUTH_JWT_ISSUER)) {
    problems.push("AUTH_OIDC_DISCOVERY: discovery needs AUTH_JWT_ISSUER to be the provider's http(s) issuer URL");
  }
  // Keys fetched in clear text could be swapped on the way; a key set on the same machine is not on the way.
  if (env.NODE_ENV === 'production') {
    const keySource = env.AUTH_JWKS_URL ?? (env.AUTH_OIDC_DISCOVERY ? env.AUTH_JWT_ISSUER : undefined);
    if (keySource && !isTlsOrLoopback(keySource)) {
      problems.push(
        `${env.AUTH_JWKS_URL ? 'AUTH_JWKS_URL' : 'AUTH_JWT_ISSUER'}: keys must come over https when NODE_ENV=production`,
      );
    }
  }
  if (problems.length > 0) throw new EnvValidationError(problems);
  if (env.AUTH_JWT_PUBLIC_KEY) env.AUTH_JWT_PUBLIC_KEY = env.AUTH_JWT_PUBLIC_KEY.replace(/\\n/g, '\n');
  return env;
}

function isTlsOrLoopback(url: string): boolean {
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'https:' || ['localhost', '127.0.0.1', '[::1]'].includes(hostname);
  } catch {
    return false;
  }
}

export function kafkaBrokerList(env: Pick<ServiceEnv, 'KAFKA_BROKERS'>): string[] {
  return env.KAFKA_BROKERS.split(',').map((broker) => broker.trim());
}
