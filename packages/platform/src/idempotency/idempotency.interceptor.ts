import {
  BadRequestException,
  CallHandler,
  ConflictException,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  UnprocessableEntityException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { from, Observable, of } from 'rxjs';
import { catchError, mergeMap } from 'rxjs/operators';
import type { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

interface StoredResponse {
  request_hash: string;
  status_code: number | null;
  response_body: unknown;
}

/**
 * Honours `Idempotency-Key` on POST: the first request's answer is stored and every replay gets it back with
 * `Idempotent-Replayed: true`, so a retried booking or refund never happens twice. A key reused for a different
 * request is refused (422); a replay while the first is still running gets 409. Failed requests release the key.
 * Keys are scoped to the caller and the path.
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

    return from(this.claim(scope, key, requestHash)).pipe(
      mergeMap((stored) => {
        if (stored) return of(this.replay(stored, requestHash, response));
        return next.handle().pipe(
          mergeMap(async (body: unknown) => {
            await this.dataSource.query(
              `UPDATE idempotency_record SET status_code = $3, response_body = $4, completed_at = now()
                WHERE scope = $1 AND idempotency_key = $2`,
              [scope, key, statusCode, JSON.stringify(body ?? null)],
            );
            return body;
          }),
          catchError(async (error: unknown) => {
            await this.dataSource.query('DELETE FROM idempotency_record WHERE scope = $1 AND idempotency_key = $2', [
              scope,
              key,
            ]);
            throw error;
          }),
        );
      }),
    );
  }

  /** Inserts a pending record; returns the existing one when the key was used before. */
  private async claim(scope: string, key: string, requestHash: string): Promise<StoredResponse | undefined> {
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO idempotency_record (scope, idempotency_key, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING scope`,
      [scope, key, requestHash],
    );
    if (inserted.length > 0) return undefined;
    const rows: StoredResponse[] = await this.dataSource.query(
      'SELECT request_hash, status_code, response_body FROM idempotency_record WHERE scope = $1 AND idempotency_key = $2',
      [scope, key],
    );
    // Deleted between our insert and select (the first request failed): treat as in progress, the client retries.
    return rows[0] ?? { request_hash: requestHash, status_code: null, response_body: null };
  }

  private replay(stored: StoredResponse, requestHash: string, response: Response): unknown {
    if (stored.request_hash !== requestHash) {
      throw new UnprocessableEntityException('This Idempotency-Key was already used for a different request');
    }
    if (stored.status_code === null) {
      throw new ConflictException('A request with this Idempotency-Key is still being processed; retry shortly');
    }
    response.setHeader('Idempotent-Replayed', 'true');
    return stored.response_body;
  }
}
