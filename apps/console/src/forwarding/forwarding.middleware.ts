import { Inject, Injectable, Logger, NestMiddleware } from '@nestjs/common';
import { SERVICE_ENV } from '@frontoffice/platform';
import type { NextFunction, Request, Response } from 'express';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { ConsoleEnv } from '../config/console.env';
import { csrfRefusal } from '../http/csrf';
import { sendProblem } from '../http/send-problem';
import { SessionEndedError, SessionService } from '../session/session.service';
import { downstreamResponseHeaders, upstreamRequestHeaders } from './forwarded-headers';

/** The services the console may call for its users, and the setting that holds each one's base URL. */
export const FORWARDED_SERVICES = {
  reservations: 'RESERVATIONS_URL',
  concierge: 'CONCIERGE_URL',
  staffing: 'STAFFING_URL',
  'billing-bridge': 'BILLING_BRIDGE_URL',
  integrations: 'INTEGRATIONS_URL',
} as const satisfies Record<string, keyof ConsoleEnv>;

type ForwardedService = keyof typeof FORWARDED_SERVICES;

const FORWARDED_PATH = /^\/api\/([a-z-]+)(\/[^?#]*)?(\?.*)?$/;

/**
 * `ANY /api/<service>/<path>`: the call goes to the service with the user's bearer, bodies streamed both ways (CSV
 * and FEC downloads, large lists). Runs as middleware, ahead of Nest's routing: no body parser has read the request,
 * and no interceptor (idempotency) acts on what belongs to the service.
 */
@Injectable()
export class ForwardingMiddleware implements NestMiddleware {
  private readonly logger = new Logger(ForwardingMiddleware.name);
  private readonly publicOrigin: string;

  constructor(
    private readonly sessions: SessionService,
    @Inject(SERVICE_ENV) private readonly env: ConsoleEnv,
  ) {
    this.publicOrigin = new URL(env.CONSOLE_PUBLIC_URL).origin;
  }

  use(request: Request, response: Response, next: NextFunction): void {
    const match = FORWARDED_PATH.exec(request.originalUrl);
    const service = match?.[1];
    // /api/session and /api/live are the console's own.
    if (!match || service === 'session' || service === 'live') return next();
    if (!service || !Object.hasOwn(FORWARDED_SERVICES, service)) {
      return sendProblem(request, response, 404, 'unknown-service', 'No such service', `No service "${service}"`);
    }
    this.forward(request, response, service as ForwardedService, match[2] ?? '/', match[3] ?? '').catch(
      (error: unknown) => {
        this.logger.error({ err: error }, 'Forwarding failed');
        sendProblem(request, response, 502, 'bad-gateway', 'The service could not be reached');
      },
    );
  }

  private async forward(request: Request, response: Response, service: ForwardedService, path: string, query: string) {
    const session = await this.sessions.resolveRequest(request);
    if (!session) {
      return sendProblem(request, response, 401, 'unauthenticated', 'Sign in first', 'There is no session');
    }
    const refusal = csrfRefusal(
      {
        method: request.method,
        token: request.header('x-csrf-token'),
        origin: request.header('origin'),
        secFetchSite: request.header('sec-fetch-site'),
      },
      session.csrfToken,
      this.publicOrigin,
    );
    if (refusal) return sendProblem(request, response, 403, 'csrf-refused', 'Request refused', refusal);
    let accessToken: string;
    try {
      accessToken = await this.sessions.accessToken(session);
    } catch (error) {
      if (error instanceof SessionEndedError) {
        return sendProblem(request, response, 401, 'session-ended', 'Sign in again', error.message);
      }
      this.logger.warn({ err: error }, 'The access token could not be refreshed');
      return sendProblem(
        request,
        response,
        503,
        'identity-provider-unavailable',
        'Sign-in provider unavailable',
        'The access token could not be refreshed; try again shortly',
      );
    }

    // Never resolved against the base as a URL: a path like `//elsewhere/x` would then name another host, and the
    // user's bearer would go there.
    const target = new URL(this.env[FORWARDED_SERVICES[service]]);
    target.pathname = `${target.pathname.replace(/\/$/, '')}${path}`;
    target.search = query;
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const headers = upstreamRequestHeaders(request.headers, accessToken);
    const correlationId = response.getHeader('x-correlation-id');
    if (typeof correlationId === 'string') headers['x-correlation-id'] = correlationId;

    await new Promise<void>((resolve) => {
      let settled = false;
      const finish = () => {
        if (!settled) {
          settled = true;
          resolve();
        }
      };
      const upstream = send(target, { method: request.method, headers });
      // Until the service answers (its headers); a slow body afterwards is a download in progress, not a timeout.
      const timer = setTimeout(() => {
        upstream.destroy(new Error('timeout'));
        sendProblem(
          request,
          response,
          504,
          'gateway-timeout',
          'The service did not answer in time',
          `${service} did not answer within ${this.env.FORWARD_TIMEOUT_MS} ms`,
        );
        finish();
      }, this.env.FORWARD_TIMEOUT_MS);
      upstream.on('response', (answer: IncomingMessage) => {
        clearTimeout(timer);
        response.writeHead(answer.statusCode ?? 502, downstreamResponseHeaders(answer.headers));
        answer.pipe(response);
        answer.on('end', finish);
        answer.on('error', () => {
          response.destroy();
          finish();
        });
      });
      upstream.on('error', (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        if (settled) return;
        if (response.headersSent) {
          response.destroy();
        } else {
          this.logger.warn({ service, code: error.code }, 'A service could not be reached');
          sendProblem(
            request,
            response,
            502,
            'bad-gateway',
            'The service could not be reached',
            `${service} is unavailable`,
          );
        }
        finish();
      });
      // The browser went away: so does the call, rather than downloading for no one.
      response.on('close', () => {
        if (!response.writableFinished) upstream.destroy();
        clearTimeout(timer);
        finish();
      });
      request.pipe(upstream);
    });
  }
}
