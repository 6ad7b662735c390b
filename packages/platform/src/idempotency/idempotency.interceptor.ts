import {
  BadRequestException,
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  UnprocessableEntityException,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { from, Observable } from 'rxjs';
import { catchError, mergeMap } from 'rxjs/operators';
import type { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal';
import { IdempotencyClaim, idempotencyContext, StoredIdempotentAnswer } from './idempotency-claim';
import { IdempotencyRecord, idempotencyRecords } from './idempotency.repository';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/**
 * Honours `Idempotency-Key` on POST: the first request's answer is stored and every replay gets it back with
 * `Idempotent-Replayed: true`, so a retried booking or refund never happens twice. A key reused for a different
 * request is refused (422); a replay while the first is still running waits for it and gets its answer. Keys are
 * scoped to the caller and the path.
 *
 * The record is written by the request's first database transaction (see IdempotencyClaim), in the same commit as
 * the booking, payment or refund it answers: a crash after that commit still replays the answer, and a failure
 * before it leaves no record, so the retry runs. No extra round trip on the way in: a replay runs the handler,
 * whose transaction stops at the key. A request that writes nothing in a transaction gets its answer recorded
 * after it ran.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request & { principal?: Principal }>();
    const key = request.headers[IDEMPOTENCY_HEADER];
    if (request.method !== 'POST' || key === undefined) return next.handle();
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      throw new BadRequestException('Idempotency-Key must be 1 to 255 visible ASCII characters');
    }
    const response = context.switchToHttp().getResponse<Response>();
    // Nest sets the status after interceptors run; the route's declared code is what the client receives.
    const statusCode: number = Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) ?? 201;
    const scope = `${request.principal?.sub ?? 'anonymous'} POST ${request.path}`;
    const requestHash = createHash('sha256')
      .update(JSON.stringify(request.body ?? null))
      .digest('hex');

    const claim = new IdempotencyClaim(scope, key, requestHash, statusCode);
    // `handle()` binds the handler to the async context it is called in: the claim travels with the request.
    return idempotencyContext
      .run(claim, () => next.handle())
      .pipe(
        mergeMap((body: unknown) => from(this.settle(claim, body, response))),
        catchError((error: unknown) => from(this.onError(claim, error, response))),
      );
  }

  /**
   * A replay runs the handler again, and its transaction stops at the key (StoredIdempotentAnswer). A replay whose
   * handler refused before reaching its transaction (the state moved on since: already checked in, sold out) gets
   * the stored answer too; with no record, the error stands.
   */
  private async onError(claim: IdempotencyClaim, error: unknown, response: Response): Promise<unknown> {
    if (error instanceof StoredIdempotentAnswer) return this.replay(error.record, response);
    let outcome: Error;
    try {
      outcome = await claim.existingAnswer(this.dataSource);
    } catch {
      throw error;
    }
    if (outcome instanceof StoredIdempotentAnswer) return this.replay(outcome.record, response);
    if (outcome instanceof UnprocessableEntityException) throw outcome;
    throw error;
  }

  /** After the handler: the answer is already stored with its transaction unless the route wrote none. */
  private async settle(claim: IdempotencyClaim, body: unknown, response: Response): Promise<unknown> {
    // A route that writes its own response (`@Res()`, e.g. an OpenTravel XML answer) has nothing for Nest to replay:
    // recording `null` as its answer would replay an empty 201 for its key.
    if (response.headersSent && claim.state !== 'stored') return body;
    const json = JSON.stringify(body ?? null);
    if (claim.state === 'stored') {
      // The handler shaped its answer after the transaction: keep what the client actually received.
      if (json !== claim.storedBody) {
        await idempotencyRecords.replaceAnswer(this.dataSource, claim.scope, claim.key, claim.statusCode, json);
      }
      return body;
    }
    const stored = await idempotencyRecords.insertAnswer(
      this.dataSource,
      claim.scope,
      claim.key,
      claim.requestHash,
      claim.statusCode,
      json,
    );
    if (stored) return body;
    const outcome = await claim.existingAnswer(this.dataSource);
    if (outcome instanceof StoredIdempotentAnswer) return this.replay(outcome.record, response);
    throw outcome;
  }

  private replay(stored: IdempotencyRecord, response: Response): unknown {
    response.setHeader('Idempotent-Replayed', 'true');
    return stored.response_body;
  }
}
