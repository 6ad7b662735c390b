import type { IncomingMessage, ServerResponse } from 'node:http';
import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { correlationIdFrom } from '../context/correlation';
import { REDACTED_LOG_PATHS, redactUrl } from './redact';

export const CORRELATION_HEADER = 'x-correlation-id';

/**
 * Structured JSON logs (pino) with the request's correlation id on every line; secrets, bodies and personal data in
 * query strings redacted (a guest search by name or e-mail must not land in the access log).
 */
@Module({})
export class PlatformLoggerModule {
  static forService(service: string, level: string): DynamicModule {
    return {
      module: PlatformLoggerModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level,
            base: { service },
            redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' },
            genReqId: (req: IncomingMessage, res: ServerResponse) => {
              const id = correlationIdFrom(req.headers[CORRELATION_HEADER]);
              res.setHeader(CORRELATION_HEADER, id);
              return id;
            },
            customProps: (req: IncomingMessage) => ({ correlationId: (req as IncomingMessage & { id?: unknown }).id }),
            autoLogging: { ignore: (req: IncomingMessage) => /^\/(health|metrics)/.test(req.url ?? '') },
            serializers: {
              req: (req: { id: unknown; method: string; url: string }) => ({
                id: req.id,
                method: req.method,
                url: redactUrl(req.url),
              }),
            },
          },
        }),
      ],
      exports: [LoggerModule],
    };
  }
}
