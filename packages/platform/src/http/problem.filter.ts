import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { Observable, throwError } from 'rxjs';
import type { Request, Response } from 'express';
import { QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { isTransientError } from '../messaging/transient-errors';
import { DomainError } from './domain-errors';
import { PROBLEM_CONTENT_TYPE, ProblemDetails, problemType } from './problem';
import { RequestValidationException } from './validation';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const CODES: Record<number, string> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  422: 'unprocessable',
  429: 'too-many-requests',
  503: 'unavailable',
};

/**
 * How long a client should wait before retrying while a dependency is briefly away (the database restarting or
 * failing over): it takes seconds, and a shorter hint would only add load while it recovers.
 */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/** Errors raised by Express's body parser before Nest sees the request (malformed JSON, too large, wrong charset). */
interface BodyParserError {
  type: string;
  status: number;
  message: string;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as BodyParserError).type === 'string' &&
    typeof (error as BodyParserError).status === 'number'
  );
}

/**
 * TypeORM releases a transaction's query runner when its connection dies (the database stopped or failed over); the
 * request's next query then fails with one of these errors instead of the connection error itself.
 */
function lostItsConnection(error: unknown): boolean {
  return error instanceof QueryRunnerAlreadyReleasedError || error instanceof QueryRunnerProviderAlreadyReleasedError;
}

export function toProblem(error: unknown, instance: string): ProblemDetails {
  if (error instanceof RequestValidationException) {
    return {
      type: problemType('validation-failed'),
      title: 'Your request parameters did not validate',
      status: 400,
      code: 'validation-failed',
      detail: error.fieldProblems.map((problem) => problem.messages.join('; ')).join('; '),
      instance,
      errors: error.fieldProblems,
    };
  }
  if (error instanceof DomainError) {
    // Details first: a detail named like a standard member (a reservation's `status`) must not replace it.
    return {
      ...error.details,
      type: problemType(error.code),
      title: TITLES[error.status] ?? 'Error',
      status: error.status,
      code: error.code,
      detail: error.message,
      instance,
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const message =
      typeof response === 'string'
        ? response
        : (response as { message?: unknown }).message !== undefined
          ? String((response as { message: unknown }).message)
          : error.message;
    const code = CODES[status] ?? (status >= 500 ? 'internal-error' : 'error');
    const problem: ProblemDetails = {
      type: problemType(code),
      title: TITLES[status] ?? 'Error',
      status,
      code,
      detail: message,
      instance,
    };
    // Health checks answer 503 with the state of each dependency: keep it, it says what is down.
    if (typeof response === 'object' && (response as { details?: unknown }).details !== undefined) {
      problem.detail = 'One or more dependencies are not ready';
      problem.checks = (response as { details: unknown }).details;
    }
    return problem;
  }
  if (isBodyParserError(error) && error.status >= 400 && error.status < 500) {
    const code = error.type === 'entity.parse.failed' ? 'malformed-json' : (CODES[error.status] ?? 'bad-request');
    const detail = error.type === 'entity.parse.failed' ? 'The request body is not valid JSON' : error.message;
    return {
      type: problemType(code),
      title: TITLES[error.status] ?? 'Bad Request',
      status: error.status,
      code,
      detail,
      instance,
    };
  }
  // The database (or the broker) is briefly away, or the request lost a lock or serialization race: the same
  // request will succeed later, so it is not a server error but a "come back shortly".
  if (isTransientError(error) || lostItsConnection(error)) {
    return {
      type: problemType('temporarily-unavailable'),
      title: TITLES[503],
      status: HttpStatus.SERVICE_UNAVAILABLE,
      code: 'temporarily-unavailable',
      detail:
        'The service is briefly unable to complete requests (its database is away or busy). Retry later; the same Idempotency-Key makes a retried POST safe.',
      instance,
      retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS,
    };
  }
  return {
    type: problemType('internal-error'),
    title: TITLES[500],
    status: HttpStatus.INTERNAL_SERVER_ERROR,
    code: 'internal-error',
    detail: 'An unexpected error occurred; it has been logged with the correlation id',
    instance,
  };
}

/**
 * Every HTTP error leaves as application/problem+json (RFC 9457). Errors in event handlers pass through untouched:
 * the Kafka transport needs the original error to retry and to record the real reason in the dead-letter topic.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(error: unknown, host: ArgumentsHost): void | Observable<never> {
    if (host.getType() !== 'http') return throwError(() => error);
    const context = host.switchToHttp();
    const request = context.getRequest<Request & { id?: unknown }>();
    const response = context.getResponse<Response>();
    const problem = toProblem(error, request.originalUrl ?? request.url);
    if (request.id !== undefined) problem.correlationId = String(request.id);
    if (problem.status === 500) {
      this.logger.error({ err: error, correlationId: problem.correlationId }, 'Unhandled error');
    }
    if (problem.code === 'temporarily-unavailable') {
      this.logger.warn({ err: error, correlationId: problem.correlationId }, 'Dependency briefly unavailable');
    }
    if (response.headersSent) return;
    if (typeof problem.retryAfterSeconds === 'number') response.setHeader('Retry-After', problem.retryAfterSeconds);
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }
}
