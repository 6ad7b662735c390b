import { DynamicModule, Global, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerModule } from '@nestjs/throttler';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import type { TopicName } from '@frontoffice/contracts';
import type { Kafka } from 'kafkajs';
import type { DataSource, MixedList } from 'typeorm';
import { AUTH_OPTIONS, authOptionsFromEnv } from './auth/auth.options';
import { AuthGuard } from './auth/auth.guard';
import { kafkaBrokerList, ServiceEnv } from './config/env';
import type { AppName } from './config/service-defaults';
import { CorrelationMiddleware } from './context/correlation.middleware';
import { MessagingSchema1764400000000 } from './database/messaging-schema.migration';
import { OutboxParking1764650000000 } from './database/outbox-parking.migration';
import { HealthController } from './health/health.controller';
import { ShutdownState } from './health/shutdown-state';
import { ProblemDetailsFilter } from './http/problem.filter';
import { createValidationPipe } from './http/validation';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { PlatformDataSource } from './idempotency/platform-data-source';
import { PlatformLoggerModule } from './logging/logger.module';
import { InboxEventEntity } from './messaging/inbox-event.entity';
import { createKafka } from './messaging/kafka-client';
import { KafkaEventServer } from './messaging/kafka-event.server';
import { KafkaProducerService } from './messaging/kafka-producer.service';
import { OutboxEventEntity } from './messaging/outbox-event.entity';
import { OUTBOX_RELAY_OPTIONS, OutboxRelayOptions, OutboxRelayService } from './messaging/outbox-relay.service';
import { OutboxService } from './messaging/outbox.service';
import { KAFKA } from './messaging/tokens';
import { HttpMetricsMiddleware } from './metrics/http-metrics.middleware';
import { MetricsController } from './metrics/metrics.controller';
import { PlatformMetrics } from './metrics/platform-metrics';
import { SERVICE_ENV, SERVICE_NAME } from './platform.tokens';
import { RateLimitGuard, rateLimitOptions } from './rate-limit/rate-limit';
import { MetricsServer } from './metrics/metrics-server';

export { SERVICE_ENV, SERVICE_NAME } from './platform.tokens';

export interface PlatformModuleOptions {
  service: AppName;
  env: ServiceEnv;
  /** The service's own TypeORM entities (the platform adds its outbox and inbox tables). */
  entities: MixedList<Function>;
  /** The service's migrations, run in order after the platform's own. */
  migrations: MixedList<Function>;
  /** Topics whose events this service handles with `@EventPattern('<type>')`. */
  consumes: TopicName[];
  /**
   * `'broadcast'`: every instance receives every event (see `KafkaEventServerOptions.mode`); the group id is
   * KAFKA_GROUP_ID with a random suffix per instance, starting at the latest offset.
   */
  consumerMode?: 'inbox' | 'broadcast';
}

/**
 * Everything a front-office service needs besides its domain: database with migrations, Kafka outbox and inbox,
 * bearer-JWT auth, problem+json errors, validation, idempotency keys, health, metrics and structured logs.
 */
@Global()
@Module({})
export class PlatformModule implements NestModule {
  static forService(options: PlatformModuleOptions): DynamicModule {
    const { env, service } = options;
    return {
      module: PlatformModule,
      imports: [
        PlatformLoggerModule.forService(service, env.LOG_LEVEL),
        TypeOrmModule.forRootAsync({
          // Transactions carry the request's Idempotency-Key record (see PlatformDataSource).
          dataSourceFactory: (dataSourceOptions) => new PlatformDataSource(dataSourceOptions!).initialize(),
          useFactory: () => ({
            type: 'postgres',
            url: env.DATABASE_URL,
            entities: [OutboxEventEntity, InboxEventEntity, ...(options.entities as Function[])],
            migrations: [
              MessagingSchema1764400000000,
              OutboxParking1764650000000,
              ...(options.migrations as Function[]),
            ],
            migrationsRun: env.DB_MIGRATIONS_RUN,
            migrationsTransactionMode: 'each',
            synchronize: false,
            extra: { max: env.DATABASE_POOL_SIZE, application_name: service },
            retryAttempts: 5,
            retryDelay: 1000,
          }),
        }),
        JwtModule.register({}),
        TerminusModule.forRoot({ logger: false }),
        ThrottlerModule.forRoot(rateLimitOptions(env)),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: SERVICE_ENV, useValue: env },
        { provide: SERVICE_NAME, useValue: service },
        { provide: AUTH_OPTIONS, useValue: authOptionsFromEnv(env) },
        // Rate limits first: a flood of unauthenticated requests is refused per address before any token is checked.
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        PlatformMetrics,
        MetricsServer,
        ShutdownState,
        {
          provide: KAFKA,
          useFactory: (): Kafka => createKafka({ brokers: kafkaBrokerList(env), clientId: env.KAFKA_CLIENT_ID }),
        },
        {
          provide: KafkaProducerService,
          useFactory: (kafka: Kafka) => new KafkaProducerService(kafka),
          inject: [KAFKA],
        },
        OutboxService,
        {
          provide: OUTBOX_RELAY_OPTIONS,
          useValue: {
            databaseUrl: env.DATABASE_URL,
            enabled: env.OUTBOX_RELAY_ENABLED,
            pollIntervalMs: env.OUTBOX_POLL_INTERVAL_MS,
            batchSize: env.OUTBOX_BATCH_SIZE,
            retentionHours: env.OUTBOX_RETENTION_HOURS,
            lockName: `frontoffice.${service}.outbox-relay`,
            stepDownAfterMs: env.OUTBOX_RELAY_STEP_DOWN_MS,
            maxBatchBytes: env.KAFKA_MAX_MESSAGE_BYTES,
          } satisfies OutboxRelayOptions,
        },
        OutboxRelayService,
        {
          provide: KafkaEventServer,
          inject: [KAFKA, KafkaProducerService, getDataSourceToken(), PlatformMetrics],
          useFactory: (
            kafka: Kafka,
            producer: KafkaProducerService,
            dataSource: DataSource,
            metrics: PlatformMetrics,
          ) => {
            metrics.provideOutboxBacklog(async () => {
              const rows: { count: string }[] = await dataSource.query(
                'SELECT count(*) AS count FROM outbox_event WHERE published_at IS NULL AND parked_at IS NULL',
              );
              return Number(rows[0]?.count ?? 0);
            });
            metrics.provideOutboxParked(async () => {
              const rows: { count: string }[] = await dataSource.query(
                'SELECT count(*) AS count FROM outbox_event WHERE published_at IS NULL AND parked_at IS NOT NULL',
              );
              return Number(rows[0]?.count ?? 0);
            });
            return new KafkaEventServer({
              kafka,
              producer,
              dataSource,
              metrics,
              groupId:
                options.consumerMode === 'broadcast' ? `${env.KAFKA_GROUP_ID}-${randomUUID()}` : env.KAFKA_GROUP_ID,
              mode: options.consumerMode ?? 'inbox',
              inboxName: service,
              topics: options.consumes,
              enabled: env.KAFKA_CONSUMER_ENABLED,
              fromBeginning: env.KAFKA_FROM_BEGINNING,
              maxAttempts: env.CONSUMER_MAX_ATTEMPTS,
              retryBackoffMs: env.CONSUMER_RETRY_BACKOFF_MS,
              retryMaxBackoffMs: env.CONSUMER_RETRY_MAX_BACKOFF_MS,
              batchMaxEvents: env.CONSUMER_BATCH_MAX_EVENTS,
              batchMaxMs: env.CONSUMER_BATCH_MAX_MS,
              partitionsConcurrency: env.CONSUMER_PARTITIONS_CONCURRENCY,
            });
          },
        },
      ],
      exports: [
        SERVICE_ENV,
        SERVICE_NAME,
        KAFKA,
        OutboxService,
        OutboxRelayService,
        KafkaProducerService,
        KafkaEventServer,
        PlatformMetrics,
        ShutdownState,
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(CorrelationMiddleware, HttpMetricsMiddleware)
      .forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
