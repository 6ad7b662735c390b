import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { correlationIdFrom, runWithCorrelation, traceparentFrom } from './correlation';

/** Everything a request does — including the events it writes — carries the request's correlation id. */
@Injectable()
export class CorrelationMiddleware implements NestMiddleware {
  use(request: Request & { id?: unknown }, _response: Response, next: NextFunction): void {
    const correlationId =
      typeof request.id === 'string' ? request.id : correlationIdFrom(request.headers['x-correlation-id']);
    runWithCorrelation(
      { correlationId, causationId: null, traceparent: traceparentFrom(request.headers.traceparent) },
      next,
    );
  }
}
