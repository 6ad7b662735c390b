import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { ServiceEnv } from '../config/env';
import { SERVICE_ENV } from '../platform.tokens';
import { metricsAuthorized } from './metrics-access';
import { PlatformMetrics } from './platform-metrics';

/**
 * `/metrics` on METRICS_PORT, apart from the API (a port the load balancer does not expose). A bare Node server, so
 * it stays up whatever HTTP adapter the API uses; it honours METRICS_TOKEN too.
 */
@Injectable()
export class MetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private server?: Server;

  constructor(
    private readonly metrics: PlatformMetrics,
    @Inject(SERVICE_ENV) private readonly env: Pick<ServiceEnv, 'METRICS_TOKEN' | 'METRICS_PORT' | 'HOST'>,
  ) {}

  /** The port it listens on (the configured one, or the one the system chose for 0), once started. */
  get port(): number | undefined {
    return (this.server?.address() as AddressInfo | null)?.port;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.env.METRICS_PORT === undefined) return;
    const server = createServer((request, response) => {
      if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
        response.writeHead(404).end();
        return;
      }
      if (!metricsAuthorized({ token: this.env.METRICS_TOKEN }, request.headers.authorization)) {
        response.writeHead(401, { 'WWW-Authenticate': 'Bearer' }).end();
        return;
      }
      this.metrics.registry.metrics().then(
        (text) => response.writeHead(200, { 'Content-Type': this.metrics.registry.contentType }).end(text),
        () => response.writeHead(500).end(),
      );
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.env.METRICS_PORT, this.env.HOST, () => resolve());
    });
    this.server = server;
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
