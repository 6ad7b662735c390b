import { randomUUID } from 'node:crypto';
import type { StaffRole } from '@frontoffice/contracts';
import { signDevToken } from '../auth/tokens';
import { createServiceApp, ServiceApp, ServiceAppOptions } from '../bootstrap/service-app';
import { loadServiceEnv, ServiceEnv } from '../config/env';
import { AppName, DEV_JWT_SECRET, SERVICE_DEFAULTS } from '../config/service-defaults';
import { createKafka } from '../messaging/kafka-client';
import { postgresUrl } from '../database/columns';
import { Kafka, logLevel } from 'kafkajs';

/**
 * A service's settings for integration tests: the real PostgreSQL server with the service's `_test` database, the
 * real broker, and a consumer group of its own that starts at the end of the topics.
 */
export function testEnv<T extends ServiceEnv>(
  service: AppName,
  envClass: new () => T,
  overrides: Record<string, string> = {},
): T {
  return loadServiceEnv(service, envClass, {
    NODE_ENV: 'test',
    KAFKA_BROKERS: process.env.KAFKA_BROKERS,
    AUTH_JWT_SECRET: process.env.AUTH_JWT_SECRET,
    DATABASE_URL: postgresUrl(`${SERVICE_DEFAULTS[service].database}_test`),
    KAFKA_GROUP_ID: `frontoffice-${service}-test-${randomUUID()}`,
    KAFKA_FROM_BEGINNING: 'false',
    OUTBOX_POLL_INTERVAL_MS: '200',
    CONSUMER_RETRY_BACKOFF_MS: '50',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    PORT: '0',
    HOST: '127.0.0.1',
    // Suites of other features send bursts from one token and one address; the rate-limit suite turns it on.
    RATE_LIMIT_ENABLED: 'false',
    ...overrides,
  });
}

export interface RunningTestService extends ServiceApp {
  /** Base URL of the listening HTTP server, e.g. http://127.0.0.1:40123. */
  url: string;
}

/** Starts a service as production does (HTTP + consumer), on a free port; resolves when its consumer has joined. */
export async function startTestService(
  module: unknown,
  options?: Partial<ServiceAppOptions>,
): Promise<RunningTestService> {
  const service = await createServiceApp(module, { title: 'test', description: 'test', ...options });
  await service.app.startAllMicroservices();
  await service.app.listen(0, '127.0.0.1');
  if (service.consumer.enabled) await service.consumer.whenAssigned();
  return { ...service, url: await service.app.getUrl() };
}

export function testToken(roles: StaffRole[], properties: string[], sub = `test-${roles.join('+')}`): string {
  return signDevToken({ roles, properties, sub, secret: process.env.AUTH_JWT_SECRET ?? DEV_JWT_SECRET });
}

/** A client for test probes; quiet unless TEST_LOG_LEVEL is set, since kafkajs logs retried start-up races as errors. */
export function testKafka(clientId = 'frontoffice-tests'): Kafka {
  return createKafka(
    { brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','), clientId },
    process.env.TEST_LOG_LEVEL ? {} : { logLevel: logLevel.NOTHING },
  );
}
