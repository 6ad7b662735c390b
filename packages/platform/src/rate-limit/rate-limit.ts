import { createHash } from 'node:crypto';
import { applyDecorators, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import {
  SkipThrottle,
  ThrottlerException,
  ThrottlerGuard,
  type ThrottlerLimitDetail,
  type ThrottlerModuleOptions,
} from '@nestjs/throttler';
import type { ServiceEnv } from '../config/env';

/**
 * Routes are limited by class: reads, writes, and expensive routes (reports, exports, wide searches) that a route
 * marks with `@RateLimitClass('expensive')`. Reads and writes are told apart by the HTTP method.
 */
export type RateLimitClassName = 'read' | 'write' | 'expensive';

const RATE_LIMIT_CLASS = 'frontoffice:rate-limit-class';
const THROTTLERS = ['token', 'address'] as const;

export const RateLimitClass = (name: RateLimitClassName): MethodDecorator & ClassDecorator =>
  SetMetadata(RATE_LIMIT_CLASS, name);

/** For probes and scrapes (health, metrics): never limited, an orchestrator must always get its answer. */
export const NoRateLimit = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SkipThrottle(Object.fromEntries(THROTTLERS.map((name) => [name, true]))));

interface HttpRequest {
  method?: string;
  ip?: string;
  headers: Record<string, string | string[] | undefined>;
  socket?: { remoteAddress?: string };
}

function requestOf(context: ExecutionContext): HttpRequest {
  return context.switchToHttp().getRequest<HttpRequest>();
}

export function rateLimitClassOf(context: ExecutionContext): RateLimitClassName {
  const explicit =
    (Reflect.getMetadata(RATE_LIMIT_CLASS, context.getHandler()) as RateLimitClassName | undefined) ??
    (Reflect.getMetadata(RATE_LIMIT_CLASS, context.getClass()) as RateLimitClassName | undefined);
  if (explicit) return explicit;
  const method = (requestOf(context).method ?? 'GET').toUpperCase();
  return method === 'GET' || method === 'HEAD' || method === 'OPTIONS' ? 'read' : 'write';
}

function bearerToken(request: HttpRequest): string | undefined {
  const header = request.headers['authorization'];
  const match = /^Bearer\s+(\S+)$/i.exec(typeof header === 'string' ? header : '');
  return match?.[1];
}

/**
 * Per token, the bucket is keyed by a hash of the token itself rather than its (unverified at this point) `sub`: a
 * forged token naming someone else's `sub` must not be able to use up their allowance.
 */
function tokenTracker(request: HttpRequest): string {
  return createHash('sha256')
    .update(bearerToken(request) ?? '')
    .digest('base64url');
}

function addressTracker(request: HttpRequest): string {
  return request.ip ?? request.socket?.remoteAddress ?? 'unknown';
}

/** The throttler settings from the service's environment: one bucket per token and class, one per address. */
export function rateLimitOptions(env: ServiceEnv): ThrottlerModuleOptions {
  const ttl = env.RATE_LIMIT_WINDOW_SECONDS * 1000;
  const perClass: Record<RateLimitClassName, number> = {
    read: env.RATE_LIMIT_READ_PER_WINDOW,
    write: env.RATE_LIMIT_WRITE_PER_WINDOW,
    expensive: env.RATE_LIMIT_EXPENSIVE_PER_WINDOW,
  };
  const disabled = !env.RATE_LIMIT_ENABLED;
  return {
    throttlers: [
      {
        name: 'token',
        ttl,
        limit: (context) => perClass[rateLimitClassOf(context)],
        skipIf: (context) => disabled || bearerToken(requestOf(context)) === undefined,
        getTracker: (request) => tokenTracker(request as HttpRequest),
        generateKey: (context, tracker, name) => `${name}:${rateLimitClassOf(context)}:${tracker}`,
      },
      {
        name: 'address',
        ttl,
        limit: env.RATE_LIMIT_ADDRESS_PER_WINDOW,
        skipIf: () => disabled,
        getTracker: (request) => addressTracker(request as HttpRequest),
        generateKey: (_context, tracker, name) => `${name}:${tracker}`,
      },
    ],
    // The suffixed X-RateLimit-* headers would name our buckets; Retry-After is set on refusal below.
    setHeaders: false,
    errorMessage: (context, detail) =>
      `Too many requests (${rateLimitClassOf(context)} routes): retry after ${detail.timeToBlockExpire} s`,
  };
}

/**
 * @nestjs/throttler's guard, for HTTP only (Kafka handlers share the global guards), answering 429 with a plain
 * `Retry-After` in seconds; the problem+json filter writes the body.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    return super.canActivate(context);
  }

  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const response = context.switchToHttp().getResponse<{ setHeader(name: string, value: string): void }>();
    response.setHeader('Retry-After', String(Math.max(1, Math.ceil(detail.timeToBlockExpire))));
    throw new ThrottlerException(await this.getErrorMessage(context, detail));
  }
}
