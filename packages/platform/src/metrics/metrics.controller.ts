import { Controller, Get, Header, Headers, Inject, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../auth/decorators';
import type { ServiceEnv } from '../config/env';
import { SERVICE_ENV } from '../platform.tokens';
import { NoRateLimit } from '../rate-limit/rate-limit';
import { metricsAuthorized } from './metrics-access';
import { PlatformMetrics } from './platform-metrics';

/**
 * Prometheus scrape on the service port. With METRICS_TOKEN it needs that bearer token (not a staff JWT: scrapers
 * are not staff); with METRICS_PORT it is served only on that port, and this route answers 404.
 */
@ApiExcludeController()
@Public()
@NoRateLimit()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: PlatformMetrics,
    @Inject(SERVICE_ENV) private readonly env: Pick<ServiceEnv, 'METRICS_TOKEN' | 'METRICS_PORT'>,
  ) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(@Headers('authorization') authorization?: string): Promise<string> {
    if (this.env.METRICS_PORT !== undefined) throw new NotFoundException('Metrics are served on their own port');
    if (!metricsAuthorized({ token: this.env.METRICS_TOKEN }, authorization)) {
      throw new UnauthorizedException('Metrics need the METRICS_TOKEN bearer token');
    }
    return this.metrics.registry.metrics();
  }
}
