import type { NextFunction, Request, Response } from 'express';
import { CorrelationContext, currentCorrelation } from './correlation';
import { CorrelationMiddleware } from './correlation.middleware';

const TRACEPARENT = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function contextSeenByNext(request: {
  id?: unknown;
  headers: Record<string, string | string[] | undefined>;
}): CorrelationContext | undefined {
  let seen: CorrelationContext | undefined;
  const next: NextFunction = () => {
    seen = currentCorrelation();
  };
  new CorrelationMiddleware().use(request as unknown as Request & { id?: unknown }, {} as Response, next);
  return seen;
}

describe('CorrelationMiddleware', () => {
  it('runs the rest of the request with the logger request id as correlation id and the caller traceparent', () => {
    expect(
      contextSeenByNext({ id: 'pino-req-1', headers: { 'x-correlation-id': 'ignored', traceparent: TRACEPARENT } }),
    ).toEqual({
      correlationId: 'pino-req-1',
      causationId: null,
      traceparent: TRACEPARENT,
    });
  });

  it('falls back to a safe x-correlation-id header when the request has no string id', () => {
    const context = contextSeenByNext({ id: 17, headers: { 'x-correlation-id': 'caller-id-9' } });
    expect(context?.correlationId).toBe('caller-id-9');
    expect(context?.causationId).toBeNull();
    expect(context?.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
  });

  it('starts a new correlation id when the header is unsafe', () => {
    expect(contextSeenByNext({ headers: { 'x-correlation-id': 'bad id\r\n' } })?.correlationId).toMatch(UUID);
  });

  it('does not leak the context outside of next()', () => {
    contextSeenByNext({ id: 'req', headers: {} });
    expect(currentCorrelation()).toBeUndefined();
  });
});
