import {
  ArgumentsHost,
  BadRequestException,
  ForbiddenException,
  HttpException,
  InternalServerErrorException,
  Logger,
  NotFoundException,
  UnauthorizedException,
} from '@nestjs/common';
import { isObservable, lastValueFrom, Observable } from 'rxjs';
import { QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { BusinessRuleViolation, ConflictError, DomainError, ForbiddenError, NotFoundError } from './domain-errors';
import { PROBLEM_CONTENT_TYPE, problemType } from './problem';
import { ProblemDetailsFilter, toProblem } from './problem.filter';
import { RequestValidationException } from './validation';

const INSTANCE = '/properties/p1/reservations';

describe('problemType', () => {
  it('builds a URN from the code', () => {
    expect(problemType('validation-failed')).toBe('urn:frontoffice:problem:validation-failed');
  });
});

describe('toProblem', () => {
  it('maps a RequestValidationException to 400 with the field errors', () => {
    const fieldProblems = [
      { field: 'guest.lastName', messages: ['lastName must be a string'] },
      { field: 'rooms[3].number', messages: ['number must be an integer number', 'number must not be less than 1'] },
    ];

    expect(toProblem(new RequestValidationException(fieldProblems), INSTANCE)).toEqual({
      type: 'urn:frontoffice:problem:validation-failed',
      title: 'Your request parameters did not validate',
      status: 400,
      code: 'validation-failed',
      detail: 'lastName must be a string; number must be an integer number; number must not be less than 1',
      instance: INSTANCE,
      errors: fieldProblems,
    });
  });

  it('never lets a detail replace a standard member such as status or type', () => {
    const error = new ConflictError('invalid-transition', 'A checked-out stay cannot be cancelled', {
      status: 'checked_out',
      type: 'x',
    });
    const problem = toProblem(error, INSTANCE);
    expect(problem.status).toBe(409);
    expect(problem.type).toBe('urn:frontoffice:problem:invalid-transition');
  });

  it('maps a ConflictError to 409 with its code and details merged in', () => {
    const error = new ConflictError('room-unavailable', 'Room 101 is taken on 2026-03-01', {
      roomId: 'r-101',
      night: '2026-03-01',
    });

    expect(toProblem(error, INSTANCE)).toEqual({
      type: 'urn:frontoffice:problem:room-unavailable',
      title: 'Conflict',
      status: 409,
      code: 'room-unavailable',
      detail: 'Room 101 is taken on 2026-03-01',
      instance: INSTANCE,
      roomId: 'r-101',
      night: '2026-03-01',
    });
  });

  it('maps a NotFoundError to 404 with a <resource>-not-found code', () => {
    const error = new NotFoundError('reservation', 'abc-123');
    expect(error.code).toBe('reservation-not-found');

    expect(toProblem(error, INSTANCE)).toEqual({
      type: 'urn:frontoffice:problem:reservation-not-found',
      title: 'Not Found',
      status: 404,
      code: 'reservation-not-found',
      detail: 'reservation abc-123 was not found',
      instance: INSTANCE,
      resource: 'reservation',
      id: 'abc-123',
    });
  });

  it('maps a ForbiddenError to 403', () => {
    expect(toProblem(new ForbiddenError('own-refund', 'You cannot approve your own refund'), INSTANCE)).toEqual({
      type: 'urn:frontoffice:problem:own-refund',
      title: 'Forbidden',
      status: 403,
      code: 'own-refund',
      detail: 'You cannot approve your own refund',
      instance: INSTANCE,
    });
  });

  it('maps a BusinessRuleViolation to 400 with the offending field', () => {
    expect(
      toProblem(
        new BusinessRuleViolation('departure-before-arrival', 'Departure must follow arrival', 'departure'),
        INSTANCE,
      ),
    ).toEqual({
      type: 'urn:frontoffice:problem:departure-before-arrival',
      title: 'Bad Request',
      status: 400,
      code: 'departure-before-arrival',
      detail: 'Departure must follow arrival',
      instance: INSTANCE,
      field: 'departure',
    });
  });

  it('leaves out field for a BusinessRuleViolation without one', () => {
    const problem = toProblem(new BusinessRuleViolation('too-many-guests', 'At most 4 guests per room'), INSTANCE);
    expect(problem).not.toHaveProperty('field');
    expect(problem.status).toBe(400);
  });

  it('names domain errors after their class', () => {
    expect(new ConflictError('c', 'm').name).toBe('ConflictError');
    expect(new NotFoundError('folio', 'f1').name).toBe('NotFoundError');
    expect(new BusinessRuleViolation('c', 'm').name).toBe('BusinessRuleViolation');
    expect(new ForbiddenError('c', 'm')).toBeInstanceOf(DomainError);
  });

  it('uses "Error" as the title of a domain status without a known title', () => {
    class TeapotError extends DomainError {
      readonly status = 418;
    }
    expect(toProblem(new TeapotError('teapot', 'short and stout'), INSTANCE)).toMatchObject({
      status: 418,
      title: 'Error',
      code: 'teapot',
    });
  });

  it('maps UnauthorizedException to 401 with its message as detail', () => {
    expect(toProblem(new UnauthorizedException('A bearer token is required'), INSTANCE)).toEqual({
      type: 'urn:frontoffice:problem:unauthorized',
      title: 'Unauthorized',
      status: 401,
      code: 'unauthorized',
      detail: 'A bearer token is required',
      instance: INSTANCE,
    });
  });

  it('maps NotFoundException to 404 with its message as detail', () => {
    expect(toProblem(new NotFoundException('Cannot GET /nowhere'), '/nowhere')).toEqual({
      type: 'urn:frontoffice:problem:not-found',
      title: 'Not Found',
      status: 404,
      code: 'not-found',
      detail: 'Cannot GET /nowhere',
      instance: '/nowhere',
    });
  });

  it('maps ForbiddenException and a plain BadRequestException by status', () => {
    expect(toProblem(new ForbiddenException('no access'), INSTANCE)).toMatchObject({
      status: 403,
      code: 'forbidden',
      detail: 'no access',
    });
    expect(toProblem(new BadRequestException('Validation failed (uuid is expected)'), INSTANCE)).toMatchObject({
      status: 400,
      code: 'bad-request',
      title: 'Bad Request',
      detail: 'Validation failed (uuid is expected)',
    });
  });

  it('uses a string HttpException response as the detail', () => {
    expect(toProblem(new HttpException('Slow down', 429), INSTANCE)).toEqual({
      type: 'urn:frontoffice:problem:too-many-requests',
      title: 'Too Many Requests',
      status: 429,
      code: 'too-many-requests',
      detail: 'Slow down',
      instance: INSTANCE,
    });
  });

  it('falls back to generic codes for HTTP statuses it has no name for', () => {
    expect(toProblem(new HttpException('I am a teapot', 418), INSTANCE)).toMatchObject({
      status: 418,
      code: 'error',
      title: 'Error',
    });
    expect(toProblem(new HttpException('Bad gateway', 502), INSTANCE)).toMatchObject({
      status: 502,
      code: 'internal-error',
      title: 'Error',
    });
    expect(toProblem(new InternalServerErrorException(), INSTANCE)).toMatchObject({
      status: 500,
      code: 'internal-error',
      title: 'Internal Server Error',
    });
  });

  it('maps a body-parser parse failure to 400 malformed-json without echoing the parser message', () => {
    const error = Object.assign(new SyntaxError('Unexpected token } in JSON at position 12'), {
      type: 'entity.parse.failed',
      status: 400,
    });

    expect(toProblem(error, INSTANCE)).toEqual({
      type: 'urn:frontoffice:problem:malformed-json',
      title: 'Bad Request',
      status: 400,
      code: 'malformed-json',
      detail: 'The request body is not valid JSON',
      instance: INSTANCE,
    });
  });

  it('maps a plain { type: "entity.parse.failed", status: 400 } object to malformed-json', () => {
    expect(toProblem({ type: 'entity.parse.failed', status: 400 }, INSTANCE)).toMatchObject({
      status: 400,
      code: 'malformed-json',
    });
  });

  it('maps a too-large body to 413', () => {
    const error = Object.assign(new Error('request entity too large'), { type: 'entity.too.large', status: 413 });

    expect(toProblem(error, INSTANCE)).toEqual({
      type: 'urn:frontoffice:problem:payload-too-large',
      title: 'Payload Too Large',
      status: 413,
      code: 'payload-too-large',
      detail: 'request entity too large',
      instance: INSTANCE,
    });
  });

  it('maps an unsupported charset to 415', () => {
    const error = Object.assign(new Error('unsupported charset "LATIN-9"'), {
      type: 'charset.unsupported',
      status: 415,
    });
    expect(toProblem(error, INSTANCE)).toMatchObject({
      status: 415,
      code: 'unsupported-media-type',
      title: 'Unsupported Media Type',
    });
  });

  it('does not trust a 5xx status on a body-parser-like error', () => {
    const error = Object.assign(new Error('connection string postgres://admin:hunter2@db'), {
      type: 'stream.error',
      status: 500,
    });
    const problem = toProblem(error, INSTANCE);
    expect(problem).toMatchObject({ status: 500, code: 'internal-error' });
    expect(JSON.stringify(problem)).not.toContain('hunter2');
  });

  it('maps any other error to 500 without leaking its message', () => {
    const problem = toProblem(new Error('password authentication failed for user "frontoffice" at 10.0.0.7'), INSTANCE);

    expect(problem).toEqual({
      type: 'urn:frontoffice:problem:internal-error',
      title: 'Internal Server Error',
      status: 500,
      code: 'internal-error',
      detail: 'An unexpected error occurred; it has been logged with the correlation id',
      instance: INSTANCE,
    });
    expect(JSON.stringify(problem)).not.toContain('password');
    expect(JSON.stringify(problem)).not.toContain('10.0.0.7');
  });

  it.each([['a thrown string'], [null], [undefined], [42]])('maps a non-Error throw (%p) to 500', (thrown) => {
    expect(toProblem(thrown, INSTANCE)).toMatchObject({ status: 500, code: 'internal-error' });
  });

  /** A pg DatabaseError as TypeORM's QueryFailedError wraps it: the SQLSTATE on both, the driver error inside. */
  const queryFailed = (code: string, message: string) => {
    const driverError = Object.assign(new Error(message), { code, severity: 'FATAL' });
    return Object.assign(new Error(message), { name: 'QueryFailedError', code, driverError });
  };
  const refused = () =>
    Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
      errno: -111,
      syscall: 'connect',
      address: '127.0.0.1',
      port: 5432,
    });

  it.each([
    ['connection refused', refused()],
    ['a refused connection wrapped by the caller', new Error('could not open the folio', { cause: refused() })],
    ['every address refused (AggregateError)', new AggregateError([refused(), refused()], 'connect failed')],
    ['a connection terminated mid-query', new Error('Connection terminated unexpectedly')],
    ['a pool that could not hand out a connection', new Error('timeout exceeded when trying to connect')],
    ['an administrator shutdown (57P01)', queryFailed('57P01', 'terminating connection due to administrator command')],
    ['a server starting up (57P03)', queryFailed('57P03', 'the database system is starting up')],
    ['a connection exception (08006)', queryFailed('08006', 'connection failure')],
    ['a connection that does not exist (08003)', queryFailed('08003', 'connection does not exist')],
    ['no connection slot left (53300)', queryFailed('53300', 'sorry, too many clients already')],
    ['a lost serialization race (40001)', queryFailed('40001', 'could not serialize access')],
    ['a transaction whose connection died (TypeORM released its query runner)', new QueryRunnerAlreadyReleasedError()],
    ['a query on the released connection of such a transaction', new QueryRunnerProviderAlreadyReleasedError()],
  ])('maps %s to 503 temporarily-unavailable with a retry hint, without the driver message', (_, error) => {
    const problem = toProblem(error, INSTANCE);
    expect(problem).toEqual({
      type: 'urn:frontoffice:problem:temporarily-unavailable',
      title: 'Service Unavailable',
      status: 503,
      code: 'temporarily-unavailable',
      detail: expect.stringContaining('Retry later'),
      instance: INSTANCE,
      retryAfterSeconds: 5,
    });
    expect(JSON.stringify(problem)).not.toMatch(/127\.0\.0\.1|terminating|too many clients|serialize/);
  });

  it.each([
    ['a unique violation (23505)', queryFailed('23505', 'duplicate key value violates unique constraint')],
    ['a syntax error (42601)', queryFailed('42601', 'syntax error at or near "SELEC"')],
    ['an error whose message merely mentions a connection', new Error('the connection pool setting is invalid')],
  ])('keeps %s a 500: the database answered, the request itself failed', (_, error) => {
    expect(toProblem(error, INSTANCE)).toMatchObject({ status: 500, code: 'internal-error' });
  });
});

interface FakeResponse {
  headersSent: boolean;
  calls: [string, unknown][];
  headers: Record<string, unknown>;
  setHeader(name: string, value: unknown): FakeResponse;
  status(code: number): FakeResponse;
  type(contentType: string): FakeResponse;
  send(body: unknown): FakeResponse;
}

function fakeResponse(headersSent = false): FakeResponse {
  const response: FakeResponse = {
    headersSent,
    calls: [],
    headers: {},
    setHeader(name, value) {
      response.headers[name.toLowerCase()] = value;
      return response;
    },
    status(code) {
      response.calls.push(['status', code]);
      return response;
    },
    type(contentType) {
      response.calls.push(['type', contentType]);
      return response;
    },
    send(body) {
      response.calls.push(['send', body]);
      return response;
    },
  };
  return response;
}

function httpHost(
  request: Record<string, unknown>,
  response: FakeResponse,
  type: 'http' | 'rpc' = 'http',
): ArgumentsHost {
  return {
    getType: <T extends string>() => type as T,
    getArgs: <T extends unknown[]>() => [request, response] as unknown as T,
    getArgByIndex: <T>(index: number) => [request, response][index] as T,
    switchToHttp: () => ({
      getRequest: <T>() => request as T,
      getResponse: <T>() => response as unknown as T,
      getNext: <T>() => (() => undefined) as unknown as T,
    }),
    switchToRpc: () => {
      throw new Error('not rpc');
    },
    switchToWs: () => {
      throw new Error('not ws');
    },
  };
}

describe('ProblemDetailsFilter', () => {
  let loggerError: jest.SpyInstance;

  beforeEach(() => {
    loggerError = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });

  afterEach(() => {
    loggerError.mockRestore();
  });

  it('writes status, problem+json content type and the body, with the request correlation id', () => {
    const response = fakeResponse();
    const request = {
      id: 'req-7f3a',
      originalUrl: '/properties/p1/reservations?page=2',
      url: '/reservations?page=2',
      headers: {},
    };

    const result = new ProblemDetailsFilter().catch(
      new NotFoundError('reservation', 'r-1'),
      httpHost(request, response),
    );

    expect(result).toBeUndefined();
    expect(response.calls.map(([name]) => name)).toEqual(['status', 'type', 'send']);
    expect(response.calls[0]).toEqual(['status', 404]);
    expect(response.calls[1]).toEqual(['type', PROBLEM_CONTENT_TYPE]);
    expect(PROBLEM_CONTENT_TYPE).toBe('application/problem+json');
    const body = JSON.parse(response.calls[2][1] as string);
    expect(body).toEqual({
      type: 'urn:frontoffice:problem:reservation-not-found',
      title: 'Not Found',
      status: 404,
      code: 'reservation-not-found',
      detail: 'reservation r-1 was not found',
      instance: '/properties/p1/reservations?page=2',
      resource: 'reservation',
      id: 'r-1',
      correlationId: 'req-7f3a',
    });
    expect(loggerError).not.toHaveBeenCalled();
  });

  it('stringifies a non-string request id and falls back to request.url', () => {
    const response = fakeResponse();
    new ProblemDetailsFilter().catch(new UnauthorizedException('no token'), httpHost({ id: 42, url: '/x' }, response));

    const body = JSON.parse(response.calls[2][1] as string);
    expect(body).toMatchObject({ status: 401, instance: '/x', correlationId: '42' });
  });

  it('leaves correlationId out when the request has no id', () => {
    const response = fakeResponse();
    new ProblemDetailsFilter().catch(new ForbiddenException(), httpHost({ originalUrl: '/y' }, response));

    const body = JSON.parse(response.calls[2][1] as string);
    expect(body).not.toHaveProperty('correlationId');
    expect(body.status).toBe(403);
  });

  it('logs unexpected errors with the correlation id and answers 500 without the message', () => {
    const response = fakeResponse();
    const error = new Error('relation "reservation" does not exist');

    new ProblemDetailsFilter().catch(error, httpHost({ id: 'req-1', originalUrl: '/z' }, response));

    expect(response.calls[0]).toEqual(['status', 500]);
    expect(response.calls[2][1]).not.toContain('does not exist');
    expect(loggerError).toHaveBeenCalledTimes(1);
    expect(loggerError).toHaveBeenCalledWith({ err: error, correlationId: 'req-1' }, 'Unhandled error');
  });

  it('answers 503 problem+json with Retry-After when the database is unreachable, logged as a warning', () => {
    const response = fakeResponse();
    const loggerWarn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    try {
      const error = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
      new ProblemDetailsFilter().catch(error, httpHost({ id: 'req-9', originalUrl: '/v1/properties' }, response));

      expect(response.calls[0]).toEqual(['status', 503]);
      expect(response.calls[1]).toEqual(['type', PROBLEM_CONTENT_TYPE]);
      expect(response.headers['retry-after']).toBe(5);
      expect(JSON.parse(response.calls[2][1] as string)).toMatchObject({
        status: 503,
        code: 'temporarily-unavailable',
        correlationId: 'req-9',
      });
      expect(loggerError).not.toHaveBeenCalled();
      expect(loggerWarn).toHaveBeenCalledWith({ err: error, correlationId: 'req-9' }, 'Dependency briefly unavailable');
    } finally {
      loggerWarn.mockRestore();
    }
  });

  it('sets no Retry-After on other errors', () => {
    const response = fakeResponse();
    new ProblemDetailsFilter().catch(new ConflictError('c', 'm'), httpHost({ originalUrl: '/a' }, response));
    expect(response.headers).toEqual({});
  });

  it('writes nothing when the headers were already sent', () => {
    const response = fakeResponse(true);
    new ProblemDetailsFilter().catch(new ConflictError('c', 'm'), httpHost({ id: 'r', originalUrl: '/a' }, response));
    expect(response.calls).toEqual([]);
  });

  it('rethrows the original error for non-HTTP (Kafka) contexts without touching the response', async () => {
    const response = fakeResponse();
    const error = new ConflictError('duplicate', 'already handled');

    const result = new ProblemDetailsFilter().catch(error, httpHost({}, response, 'rpc'));

    expect(isObservable(result)).toBe(true);
    await expect(lastValueFrom(result as Observable<never>)).rejects.toBe(error);
    expect(response.calls).toEqual([]);
  });
});
