import { Inject, Injectable, Logger, NestMiddleware } from '@nestjs/common';
import { SERVICE_ENV } from '@frontoffice/platform';
import type { NextFunction, Request, Response } from 'express';
import type { ConsoleEnv } from '../config/console.env';
import { sendProblem } from '../http/send-problem';
import { SessionService } from '../session/session.service';
import { LiveHub, type LiveStream } from './live-hub';

/**
 * `GET /api/live`: server-sent events for the signed-in user's properties. A comment every LIVE_HEARTBEAT_MS keeps
 * proxies from closing an idle stream, and checks that the session is still live (the stream ends with it).
 */
@Injectable()
export class LiveStreamMiddleware implements NestMiddleware {
  private readonly logger = new Logger(LiveStreamMiddleware.name);

  constructor(
    private readonly sessions: SessionService,
    private readonly hub: LiveHub,
    @Inject(SERVICE_ENV) private readonly env: ConsoleEnv,
  ) {
    hub.configure(env.LIVE_MAX_STREAMS_PER_SESSION);
  }

  use(request: Request, response: Response, next: NextFunction): void {
    if (request.originalUrl.split('?')[0] !== '/api/live') return next();
    if (request.method !== 'GET') {
      response.setHeader('Allow', 'GET');
      return sendProblem(request, response, 405, 'method-not-allowed', 'Method not allowed');
    }
    this.open(request, response).catch((error: unknown) => {
      this.logger.error({ err: error }, 'Could not open a live stream');
      sendProblem(request, response, 503, 'live-unavailable', 'Live updates are unavailable');
    });
  }

  private async open(request: Request, response: Response): Promise<void> {
    const session = await this.sessions.resolveRequest(request);
    if (!session) return sendProblem(request, response, 401, 'unauthenticated', 'Sign in first');
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    response.write('retry: 5000\n\n');
    const stream: LiveStream = {
      sessionKey: session.idHash.toString('hex'),
      properties: session.user.properties,
      send: (chunk) => response.write(chunk),
      close: () => response.end(),
    };
    const heartbeat = setInterval(() => {
      response.write(': heartbeat\n\n');
      this.sessions.isLive(session).then(
        (live) => {
          if (!live) {
            stop();
            response.end();
          }
        },
        () => undefined,
      );
    }, this.env.LIVE_HEARTBEAT_MS);
    heartbeat.unref();
    const stop = () => {
      clearInterval(heartbeat);
      this.hub.remove(stream);
    };
    response.on('close', stop);
    this.hub.add(stream);
  }
}
