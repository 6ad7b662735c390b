import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { Kafka } from 'kafkajs';
import { Inject } from '@nestjs/common';
import { Public } from '../auth/decorators';
import { KAFKA } from '../messaging/tokens';
import { KafkaEventServer } from '../messaging/kafka-event.server';
import { ShutdownState } from './shutdown-state';

const KAFKA_CHECK_TIMEOUT_MS = 2000;

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(KAFKA) private readonly kafka: Kafka,
    private readonly consumer: KafkaEventServer,
    private readonly shutdown: ShutdownState,
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'The process is up (no dependency checked)' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({ summary: 'Ready for traffic: database reachable, Kafka reachable, event consumer joined' })
  ready() {
    return this.health.check([
      () => this.notShuttingDown(),
      () => this.database.pingCheck('database', { timeout: 1500 }),
      () => this.kafkaCheck(),
      () => this.consumerCheck(),
    ]);
  }

  private notShuttingDown() {
    const indicator = this.indicators.check('lifecycle');
    return this.shutdown.stopping ? indicator.down({ message: 'shutting down' }) : indicator.up();
  }

  /** A fresh connection each time: a cached client would answer from stale metadata while the broker is gone. */
  private async kafkaCheck() {
    const indicator = this.indicators.check('kafka');
    const admin = this.kafka.admin({ retry: { retries: 0 } });
    try {
      const cluster = await withTimeout(
        admin.connect().then(() => admin.describeCluster()),
        KAFKA_CHECK_TIMEOUT_MS,
      );
      return indicator.up({ brokers: cluster.brokers.length });
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    } finally {
      void admin.disconnect().catch(() => undefined);
    }
  }

  private consumerCheck() {
    const indicator = this.indicators.check('consumer');
    if (!this.consumer.enabled) return indicator.up({ enabled: false });
    return this.consumer.isConnected ? indicator.up({ groupJoined: true }) : indicator.down({ groupJoined: false });
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
