import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { IsInt, IsString, Min } from 'class-validator';
import { Transform } from 'class-transformer';
import { EnvValidationError, kafkaBrokerList, loadServiceEnv, ServiceEnv } from './env';
import { DEV_JWT_SECRET, PUBLISHED_SECRETS, SERVICE_DEFAULTS } from './service-defaults';

const IDP = { AUTH_JWT_ISSUER: 'https://idp.example', AUTH_JWT_AUDIENCE: 'frontoffice' };

const { publicKey: PUBLIC_KEY } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});

function loadError(source: Record<string, string | undefined>): EnvValidationError {
  try {
    loadServiceEnv('reservations', ServiceEnv, source);
  } catch (error) {
    if (error instanceof EnvValidationError) return error;
    throw error;
  }
  throw new Error('expected loadServiceEnv to refuse the configuration');
}

describe('loadServiceEnv', () => {
  it('fills every default for the reservations service from an empty environment', () => {
    const env = loadServiceEnv('reservations', ServiceEnv, {});

    expect(env).toBeInstanceOf(ServiceEnv);
    expect(env).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3001,
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/frontoffice_reservations',
      DATABASE_POOL_SIZE: 10,
      DB_MIGRATIONS_RUN: true,
      KAFKA_BROKERS: '127.0.0.1:9092',
      KAFKA_CLIENT_ID: 'frontoffice-reservations',
      KAFKA_GROUP_ID: 'frontoffice-reservations',
      KAFKA_CONSUMER_ENABLED: true,
      KAFKA_FROM_BEGINNING: true,
      CONSUMER_MAX_ATTEMPTS: 4,
      CONSUMER_RETRY_BACKOFF_MS: 200,
      OUTBOX_RELAY_ENABLED: true,
      OUTBOX_POLL_INTERVAL_MS: 1000,
      OUTBOX_BATCH_SIZE: 200,
      OUTBOX_RETENTION_HOURS: 168,
      AUTH_JWT_SECRET: DEV_JWT_SECRET,
      LOG_LEVEL: 'info',
    });
    expect(env.AUTH_JWT_PUBLIC_KEY).toBeUndefined();
  });

  it.each([
    ['concierge', 3002, 'frontoffice_concierge'],
    ['staffing', 3003, 'frontoffice_staffing'],
    ['billing-bridge', 3004, 'frontoffice_billing'],
  ] as const)('uses the %s defaults', (service, port, database) => {
    const env = loadServiceEnv(service, ServiceEnv, {});
    expect(env.PORT).toBe(port);
    expect(env.DATABASE_URL).toBe(`postgres://postgres@127.0.0.1:5432/${database}`);
    expect(env.KAFKA_CLIENT_ID).toBe(`frontoffice-${service}`);
    expect(env.KAFKA_GROUP_ID).toBe(`frontoffice-${service}`);
    expect(SERVICE_DEFAULTS[service]).toEqual({ port, database });
  });

  it('parses numbers and booleans from strings', () => {
    const env = loadServiceEnv('reservations', ServiceEnv, {
      PORT: '8080',
      DATABASE_POOL_SIZE: ' 25 ',
      OUTBOX_BATCH_SIZE: '50',
      DB_MIGRATIONS_RUN: 'false',
      KAFKA_CONSUMER_ENABLED: '0',
      KAFKA_FROM_BEGINNING: 'no',
      OUTBOX_RELAY_ENABLED: 'yes',
    });

    expect(env.PORT).toBe(8080);
    expect(env.DATABASE_POOL_SIZE).toBe(25);
    expect(env.OUTBOX_BATCH_SIZE).toBe(50);
    expect(env.DB_MIGRATIONS_RUN).toBe(false);
    expect(env.KAFKA_CONSUMER_ENABLED).toBe(false);
    expect(env.KAFKA_FROM_BEGINNING).toBe(false);
    expect(env.OUTBOX_RELAY_ENABLED).toBe(true);
  });

  it.each([
    ['true', true],
    ['TRUE', true],
    ['1', true],
    ['on', true],
    [' Yes ', true],
    ['false', false],
    ['0', false],
    ['off', false],
    ['No', false],
  ])('reads boolean %p as %p', (raw, expected) => {
    expect(loadServiceEnv('reservations', ServiceEnv, { DB_MIGRATIONS_RUN: raw }).DB_MIGRATIONS_RUN).toBe(expected);
  });

  it('overrides the service defaults from the environment', () => {
    const env = loadServiceEnv('reservations', ServiceEnv, {
      NODE_ENV: 'test',
      DATABASE_URL: 'postgresql://app:pw@db:5432/res',
      KAFKA_BROKERS: 'kafka-1:9092,kafka-2:9093',
      KAFKA_GROUP_ID: 'custom-group',
      LOG_LEVEL: 'debug',
    });
    expect(env).toMatchObject({
      NODE_ENV: 'test',
      DATABASE_URL: 'postgresql://app:pw@db:5432/res',
      KAFKA_BROKERS: 'kafka-1:9092,kafka-2:9093',
      KAFKA_GROUP_ID: 'custom-group',
      KAFKA_CLIENT_ID: 'frontoffice-reservations',
      LOG_LEVEL: 'debug',
    });
  });

  it('treats an empty string as unset, falling back to the default', () => {
    const env = loadServiceEnv('reservations', ServiceEnv, {
      PORT: '',
      DATABASE_URL: '',
      DB_MIGRATIONS_RUN: '',
      AUTH_JWT_PUBLIC_KEY: '',
      LOG_LEVEL: '',
      KAFKA_BROKERS: undefined,
    });
    expect(env.PORT).toBe(3001);
    expect(env.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/frontoffice_reservations');
    expect(env.DB_MIGRATIONS_RUN).toBe(true);
    expect(env.AUTH_JWT_PUBLIC_KEY).toBeUndefined();
    expect(env.LOG_LEVEL).toBe('info');
    expect(env.KAFKA_BROKERS).toBe('127.0.0.1:9092');
  });

  it('ignores unrelated environment variables', () => {
    const env = loadServiceEnv('reservations', ServiceEnv, { PATH: '/usr/bin', HOME: '/root', npm_config_cache: '/x' });
    expect(env).not.toHaveProperty('PATH');
    expect(env).not.toHaveProperty('HOME');
    expect(env).not.toHaveProperty('npm_config_cache');
    expect(env.PORT).toBe(3001);
  });

  it('collects every invalid value into one EnvValidationError', () => {
    const error = loadError({ PORT: 'abc', KAFKA_BROKERS: 'nope' });

    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('EnvValidationError');
    // Every failed constraint is listed (PORT=abc also fails Min and Max), and nothing else.
    expect(new Set(error.problems.map((problem) => problem.split(':')[0]))).toEqual(new Set(['PORT', 'KAFKA_BROKERS']));
    expect(error.problems).toEqual(
      expect.arrayContaining([
        'PORT: PORT must be an integer number (got "abc")',
        'KAFKA_BROKERS: KAFKA_BROKERS must be host:port[,host:port...] (got "nope")',
      ]),
    );
    expect(error.message).toMatch(/^Invalid configuration:\n {2}- /);
    for (const problem of error.problems) expect(error.message).toContain(problem);
  });

  it('reports range, enum, URL, boolean and length problems', () => {
    const error = loadError({
      PORT: '70000',
      DATABASE_URL: 'mysql://db/x',
      DATABASE_POOL_SIZE: '0',
      DB_MIGRATIONS_RUN: 'maybe',
      NODE_ENV: 'staging',
      LOG_LEVEL: 'verbose',
      AUTH_JWT_SECRET: 'short',
      AUTH_JWT_PUBLIC_KEY: 'not a key',
      CONSUMER_MAX_ATTEMPTS: '2.5',
    });
    const fields = error.problems.map((problem) => problem.split(':')[0]);

    expect(new Set(fields)).toEqual(
      new Set([
        'PORT',
        'DATABASE_URL',
        'DATABASE_POOL_SIZE',
        'DB_MIGRATIONS_RUN',
        'NODE_ENV',
        'LOG_LEVEL',
        'AUTH_JWT_SECRET',
        'AUTH_JWT_PUBLIC_KEY',
        'CONSUMER_MAX_ATTEMPTS',
      ]),
    );
    expect(error.problems).toContain('PORT: PORT must not be greater than 65535 (got 70000)');
    expect(error.problems).toContain(
      'DATABASE_URL: DATABASE_URL must be a postgres:// connection URL (got "mysql://db/x")',
    );
    expect(error.problems).toContain('AUTH_JWT_SECRET: AUTH_JWT_SECRET must be at least 16 characters (got "short")');
    expect(error.problems).toContain(
      'AUTH_JWT_PUBLIC_KEY: AUTH_JWT_PUBLIC_KEY must be a PEM public key (got "not a key")',
    );
  });

  describe('in production', () => {
    it('refuses the development secret', () => {
      const error = loadError({ NODE_ENV: 'production' });
      expect(error.problems).toEqual([
        'AUTH_JWT_SECRET: the development default secret is refused when NODE_ENV=production',
      ]);
    });

    it('refuses the development secret given explicitly', () => {
      const error = loadError({ NODE_ENV: 'production', AUTH_JWT_SECRET: DEV_JWT_SECRET });
      expect(error.problems).toEqual([
        'AUTH_JWT_SECRET: the development default secret is refused when NODE_ENV=production',
      ]);
    });

    it('accepts a real secret', () => {
      const secret = randomBytes(32).toString('hex');
      const env = loadServiceEnv('reservations', ServiceEnv, { NODE_ENV: 'production', AUTH_JWT_SECRET: secret });
      expect(env.NODE_ENV).toBe('production');
      expect(env.AUTH_JWT_SECRET).toBe(secret);
    });

    it.each(PUBLISHED_SECRETS.filter((secret) => secret !== DEV_JWT_SECRET))(
      'refuses the secret %p, published in the repository',
      (secret) => {
        expect(loadError({ NODE_ENV: 'production', AUTH_JWT_SECRET: secret }).problems).toEqual([
          'AUTH_JWT_SECRET: this secret is published in the repository and is refused when NODE_ENV=production',
        ]);
      },
    );

    it("refuses a service's own secret setting left at a value published in the repository", () => {
      class OptOutEnv extends ServiceEnv {
        @IsString()
        MAIL_OPT_OUT_SECRET = 'dev-only-opt-out-secret-change-me';
      }
      const secret = randomBytes(32).toString('hex');
      expect(() => loadServiceEnv('concierge', OptOutEnv, { NODE_ENV: 'production', AUTH_JWT_SECRET: secret })).toThrow(
        'MAIL_OPT_OUT_SECRET: this secret is published in the repository and is refused when NODE_ENV=production',
      );
      const env = loadServiceEnv('concierge', OptOutEnv, {
        NODE_ENV: 'production',
        AUTH_JWT_SECRET: secret,
        MAIL_OPT_OUT_SECRET: randomBytes(24).toString('hex'),
      });
      expect(env.MAIL_OPT_OUT_SECRET).not.toBe('dev-only-opt-out-secret-change-me');
    });

    it('refuses an RS256 key without issuer and audience', () => {
      expect(loadError({ AUTH_JWT_PUBLIC_KEY: PUBLIC_KEY, AUTH_JWT_ISSUER: 'https://idp' }).problems).toEqual([
        'AUTH_JWT_PUBLIC_KEY: RS256 needs AUTH_JWT_ISSUER and AUTH_JWT_AUDIENCE to be set too',
      ]);
    });

    it('starts with the default secret when an RS256 public key is configured', () => {
      const env = loadServiceEnv('reservations', ServiceEnv, {
        NODE_ENV: 'production',
        AUTH_JWT_PUBLIC_KEY: PUBLIC_KEY,
        ...IDP,
      });
      expect(env.AUTH_JWT_PUBLIC_KEY).toBe(PUBLIC_KEY);
    });

    it('lists the dev-secret refusal beside the other problems', () => {
      const error = loadError({ NODE_ENV: 'production', PORT: 'abc' });
      expect(error.problems).toContain('PORT: PORT must be an integer number (got "abc")');
      expect(error.problems.at(-1)).toBe(
        'AUTH_JWT_SECRET: the development default secret is refused when NODE_ENV=production',
      );
    });
  });

  describe('identity provider key set', () => {
    it('defaults to no key set, the plain claim names and a cached, rate-limited fetch', () => {
      const env = loadServiceEnv('reservations', ServiceEnv, {});
      expect(env).toMatchObject({
        AUTH_OIDC_DISCOVERY: false,
        AUTH_JWKS_CACHE_SECONDS: 600,
        AUTH_JWKS_STALE_SECONDS: 3600,
        AUTH_JWKS_REQUESTS_PER_MINUTE: 10,
        AUTH_JWKS_TIMEOUT_MS: 5000,
        AUTH_ROLES_CLAIM: 'roles',
        AUTH_PROPERTIES_CLAIM: 'properties',
      });
      expect(env.AUTH_JWKS_URL).toBeUndefined();
    });

    it('accepts a key set URL with issuer, audience and dot-path claims', () => {
      const env = loadServiceEnv('reservations', ServiceEnv, {
        AUTH_JWKS_URL: 'http://127.0.0.1:9000/jwks',
        AUTH_ROLES_CLAIM: 'realm_access.roles',
        AUTH_PROPERTIES_CLAIM: 'https://frontoffice.example/properties',
        ...IDP,
      });
      expect(env.AUTH_JWKS_URL).toBe('http://127.0.0.1:9000/jwks');
      expect(env.AUTH_ROLES_CLAIM).toBe('realm_access.roles');
    });

    it.each([
      ['a key set URL', { AUTH_JWKS_URL: 'https://idp.example/jwks' }, 'AUTH_JWKS_URL'],
      ['discovery', { AUTH_OIDC_DISCOVERY: 'true' }, 'AUTH_OIDC_DISCOVERY'],
    ])('refuses %s without issuer and audience', (_label, source, setting) => {
      expect(loadError({ ...source, AUTH_JWT_AUDIENCE: 'frontoffice' }).problems).toContain(
        `${setting}: RS256 needs AUTH_JWT_ISSUER and AUTH_JWT_AUDIENCE to be set too`,
      );
      expect(loadError({ ...source, AUTH_JWT_ISSUER: 'https://idp.example' }).problems).toContain(
        `${setting}: RS256 needs AUTH_JWT_ISSUER and AUTH_JWT_AUDIENCE to be set too`,
      );
    });

    it('refuses a public key and a key set together', () => {
      expect(
        loadError({ AUTH_JWT_PUBLIC_KEY: PUBLIC_KEY, AUTH_JWKS_URL: 'https://idp.example/jwks', ...IDP }).problems,
      ).toEqual([
        'AUTH_JWT_PUBLIC_KEY: set either a public key or a key set (AUTH_JWKS_URL / AUTH_OIDC_DISCOVERY), not both',
      ]);
    });

    it('refuses discovery from an issuer that is not a URL', () => {
      expect(
        loadError({ AUTH_OIDC_DISCOVERY: 'yes', AUTH_JWT_ISSUER: 'frontoffice-idp', AUTH_JWT_AUDIENCE: 'fo' }).problems,
      ).toEqual(["AUTH_OIDC_DISCOVERY: discovery needs AUTH_JWT_ISSUER to be the provider's http(s) issuer URL"]);
    });

    it.each([
      ['AUTH_JWKS_URL', 'ftp://idp.example/jwks'],
      ['AUTH_JWKS_URL', 'not a url'],
      ['AUTH_ROLES_CLAIM', 'realm_access..roles'],
      ['AUTH_ROLES_CLAIM', '.roles'],
      ['AUTH_PROPERTIES_CLAIM', 'my properties'],
      ['AUTH_JWKS_CACHE_SECONDS', '5'],
      ['AUTH_JWKS_REQUESTS_PER_MINUTE', '0'],
      ['AUTH_JWKS_TIMEOUT_MS', 'soon'],
    ])('refuses %s=%p', (name, value) => {
      const fields = loadError({ [name]: value, ...IDP }).problems.map((problem) => problem.split(':')[0]);
      expect(fields).toContain(name);
    });

    it('needs keys over https in production unless the key set is on this machine', () => {
      const production = { NODE_ENV: 'production', AUTH_JWT_SECRET: randomBytes(24).toString('hex'), ...IDP };
      expect(loadError({ ...production, AUTH_JWKS_URL: 'http://idp.example/jwks' }).problems).toEqual([
        'AUTH_JWKS_URL: keys must come over https when NODE_ENV=production',
      ]);
      expect(
        loadError({ ...production, AUTH_OIDC_DISCOVERY: 'true', AUTH_JWT_ISSUER: 'http://idp.example' }).problems,
      ).toEqual(['AUTH_JWT_ISSUER: keys must come over https when NODE_ENV=production']);
      expect(() =>
        loadServiceEnv('reservations', ServiceEnv, { ...production, AUTH_JWKS_URL: 'http://127.0.0.1:8080/jwks' }),
      ).not.toThrow();
      expect(() =>
        loadServiceEnv('reservations', ServiceEnv, { ...production, AUTH_JWKS_URL: 'https://idp.example/jwks' }),
      ).not.toThrow();
    });

    it('starts in production with the default secret when RS256 keys come from a key set', () => {
      expect(() =>
        loadServiceEnv('reservations', ServiceEnv, {
          NODE_ENV: 'production',
          AUTH_JWKS_URL: 'https://idp.example/jwks',
          ...IDP,
        }),
      ).not.toThrow();
    });
  });

  it('expands \\n escapes in a one-line AUTH_JWT_PUBLIC_KEY', () => {
    const oneLine = PUBLIC_KEY.trimEnd().replace(/\n/g, '\\n');
    expect(oneLine).not.toContain('\n');

    const env = loadServiceEnv('reservations', ServiceEnv, { AUTH_JWT_PUBLIC_KEY: oneLine, ...IDP });

    expect(env.AUTH_JWT_PUBLIC_KEY).toBe(PUBLIC_KEY.trimEnd());
    expect(env.AUTH_JWT_PUBLIC_KEY?.split('\n')[0]).toBe('-----BEGIN PUBLIC KEY-----');
  });

  it('keeps a multi-line AUTH_JWT_PUBLIC_KEY as it is', () => {
    expect(
      loadServiceEnv('reservations', ServiceEnv, { AUTH_JWT_PUBLIC_KEY: PUBLIC_KEY, ...IDP }).AUTH_JWT_PUBLIC_KEY,
    ).toBe(PUBLIC_KEY);
  });

  describe('with a service-specific subclass', () => {
    class ConciergeEnv extends ServiceEnv {
      @Transform(({ value }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value))
      @IsInt()
      @Min(1)
      TASK_ESCALATION_MINUTES = 30;
    }

    it('returns the subclass with its own defaults and parsed values', () => {
      const defaults = loadServiceEnv('concierge', ConciergeEnv, {});
      expect(defaults).toBeInstanceOf(ConciergeEnv);
      expect(defaults.TASK_ESCALATION_MINUTES).toBe(30);
      expect(defaults.PORT).toBe(3002);

      expect(loadServiceEnv('concierge', ConciergeEnv, { TASK_ESCALATION_MINUTES: '45' }).TASK_ESCALATION_MINUTES).toBe(
        45,
      );
    });

    it('validates the subclass settings together with the base ones', () => {
      try {
        loadServiceEnv('concierge', ConciergeEnv, { TASK_ESCALATION_MINUTES: '0', PORT: 'x' });
        throw new Error('expected a validation error');
      } catch (error) {
        expect(error).toBeInstanceOf(EnvValidationError);
        const fields = (error as EnvValidationError).problems.map((problem) => problem.split(':')[0]);
        expect(new Set(fields)).toEqual(new Set(['PORT', 'TASK_ESCALATION_MINUTES']));
        expect((error as EnvValidationError).problems).toContain(
          'TASK_ESCALATION_MINUTES: TASK_ESCALATION_MINUTES must not be less than 1 (got 0)',
        );
      }
    });
  });
});

describe('kafkaBrokerList', () => {
  it('splits a comma-separated broker list', () => {
    expect(kafkaBrokerList({ KAFKA_BROKERS: 'kafka-1:9092,kafka-2:9092,10.0.0.3:19092' })).toEqual([
      'kafka-1:9092',
      'kafka-2:9092',
      '10.0.0.3:19092',
    ]);
  });

  it('returns a single broker as a one-element list', () => {
    expect(kafkaBrokerList({ KAFKA_BROKERS: '127.0.0.1:9092' })).toEqual(['127.0.0.1:9092']);
  });

  it('trims blanks around each broker', () => {
    expect(kafkaBrokerList({ KAFKA_BROKERS: ' a:1 , b:2' })).toEqual(['a:1', 'b:2']);
  });
});
