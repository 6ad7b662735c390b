import { Controller, Get, Inject, OnModuleDestroy } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckResult,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import type { Admin, Kafka } from 'kafkajs';
import { Public } from '../auth/decorators';
import type { ServiceEnv } from '../config/env';
import { KAFKA } from '../messaging/tokens';
import { KafkaEventServer } from '../messaging/kafka-event.server';
import { SERVICE_ENV } from '../platform.tokens';
import { NoRateLimit } from '../rate-limit/rate-limit';
import { ShutdownState } from './shutdown-state';

const KAFKA_CHECK_TIMEOUT_MS = 2000;
const DATABASE_CHECK_TIMEOUT_MS = 1500;

/**
 * Liveness and readiness, open to anyone (orchestrators probe without tokens), so readiness says only up or down per
 * dependency — never an error text, a host name or a broker address — and its answer is reused for
 * READINESS_CACHE_MS, so a flood of probes costs one database ping and one broker round trip per period.
 */
@ApiTags('health')
@Public()
@NoRateLimit()
@Controller('health')
export class HealthController implements OnModuleDestroy {
  /** One admin client for the life of the service; each check still asks a broker for the cluster metadata. */
  private admin?: Admin;
  private adminConnected = false;
  private cached?: { at: number; answer: Promise<HealthCheckResult> };

  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(KAFKA) private readonly kafka: Kafka,
    private readonly consumer: KafkaEventServer,
    private readonly shutdown: ShutdownState,
    @Inject(SERVICE_ENV) private readonly env: Pick<ServiceEnv, 'READINESS_CACHE_MS'>,
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'The process is up (no dependency checked)' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({
    summary: 'Ready for traffic: database reachable, Kafka reachable, event consumer joined (up/down each)',
  })
  ready(): Promise<HealthCheckResult> {
    // Shutting down is answered at once: the load balancer must stop sending traffic now, not a second later.
    const now = Date.now();
    if (!this.shutdown.stopping && this.cached && now - this.cached.at < this.env.READINESS_CACHE_MS) {
      return this.cached.answer;
    }
    const answer = this.health.check([
      () => this.notShuttingDown(),
      () => this.databaseCheck(),
      () => this.kafkaCheck(),
      () => this.consumerCheck(),
    ]);
    answer.catch(() => undefined);
    this.cached = { at: now, answer };
    return answer;
  }

  async onModuleDestroy(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    await admin?.disconnect().catch(() => undefined);
  }

  private notShuttingDown() {
    const indicator = this.indicators.check('lifecycle');
    return this.shutdown.stopping ? indicator.down() : indicator.up();
  }

  private async databaseCheck() {
    const indicator = this.indicators.check('database');
    try {
      const result = await this.database.pingCheck('database', { timeout: DATABASE_CHECK_TIMEOUT_MS });
      return result['database']?.status === 'up' ? indicator.up() : indicator.down();
    } catch {
      return indicator.down();
    }
  }

  /** A metadata round trip on the long-lived admin; after a failure it reconnects on the next check. */
  private async kafkaCheck() {
    const indicator = this.indicators.check('kafka');
    this.admin ??= this.kafka.admin({ retry: { retries: 0 } });
    const admin = this.admin;
    try {
      await withTimeout(
        (async () => {
          if (!this.adminConnected) {
            await admin.connect();
            this.adminConnected = true;
          }
          await admin.describeCluster();
        })(),
        KAFKA_CHECK_TIMEOUT_MS,
      );
      return indicator.up();
    } catch {
      this.adminConnected = false;
      void admin.disconnect().catch(() => undefined);
      return indicator.down();
    }
  }

  private consumerCheck() {
    const indicator = this.indicators.check('consumer');
    if (!this.consumer.enabled) return indicator.up();
    return this.consumer.isConnected ? indicator.up() : indicator.down();
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
