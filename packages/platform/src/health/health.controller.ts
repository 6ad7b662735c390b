import { Controller, Get, OnModuleDestroy } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { Kafka, Admin } from 'kafkajs';
import { Inject } from '@nestjs/common';
import { Public } from '../auth/decorators';
import { KAFKA } from '../messaging/tokens';
import { KafkaEventServer } from '../messaging/kafka-event.server';
import { ShutdownState } from './shutdown-state';

const KAFKA_CHECK_TIMEOUT_MS = 2000;

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController implements OnModuleDestroy {
  private admin?: Admin;

  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(KAFKA) private readonly kafka: Kafka,
    private readonly consumer: KafkaEventServer,
    private readonly shutdown: ShutdownState,
  ) {}

  async onModuleDestroy(): Promise<void> {
    await this.admin?.disconnect().catch(() => undefined);
  }

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

  private async kafkaCheck() {
    const indicator = this.indicators.check('kafka');
    try {
      this.admin ??= this.kafka.admin();
      const cluster = await withTimeout(
        this.admin.connect().then(() => this.admin!.describeCluster()),
        KAFKA_CHECK_TIMEOUT_MS,
      );
      return indicator.up({ brokers: cluster.brokers.length });
    } catch (error) {
      await this.admin?.disconnect().catch(() => undefined);
      this.admin = undefined;
      return indicator.down({ message: (error as Error).message });
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
