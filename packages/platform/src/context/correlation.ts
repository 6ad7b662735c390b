import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes, randomUUID } from 'node:crypto';

/** What ties one piece of work (an HTTP request, one consumed event) to the events it causes. */
export interface CorrelationContext {
  correlationId: string;
  /** Id of the event being handled, when the work was caused by an event. */
  causationId: string | null;
  /** W3C trace context received with the request or event, forwarded on the events it causes. */
  traceparent?: string;
}

const storage = new AsyncLocalStorage<CorrelationContext>();

export function runWithCorrelation<T>(context: CorrelationContext, work: () => T): T {
  return storage.run(context, work);
}

export function currentCorrelation(): CorrelationContext | undefined {
  return storage.getStore();
}

const CORRELATION_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

/** Accepts a caller's correlation id only when it is short and harmless in logs; otherwise starts a new one. */
export function correlationIdFrom(header: string | string[] | undefined): string {
  const candidate = Array.isArray(header) ? header[0] : header;
  return candidate && CORRELATION_ID_PATTERN.test(candidate) ? candidate : randomUUID();
}

const TRACEPARENT_PATTERN = /^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;

/** Keeps a caller's W3C traceparent when well formed, else starts a new trace so downstream spans still link up. */
export function traceparentFrom(header: string | string[] | undefined): string {
  const candidate = Array.isArray(header) ? header[0] : header;
  if (candidate && TRACEPARENT_PATTERN.test(candidate) && isValidTraceContext(candidate)) return candidate;
  const hex = (bytes: number) => randomBytes(bytes).toString('hex');
  return `00-${hex(16)}-${hex(8)}-01`;
}

/** W3C Trace Context: version ff and all-zero trace or parent ids are invalid and start a new trace. */
function isValidTraceContext(traceparent: string): boolean {
  const [version, traceId, parentId] = traceparent.split('-');
  return version !== 'ff' && !/^0+$/.test(traceId) && !/^0+$/.test(parentId);
}
