import { ConflictException, UnprocessableEntityException } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntityManager } from 'typeorm';
import { IdempotencyRecord, idempotencyRecords } from './idempotency.repository';

/** Thrown inside a transaction that found its key already answered: the transaction rolls back, the answer replays. */
export class StoredIdempotentAnswer extends Error {
  constructor(readonly record: IdempotencyRecord) {
    super('This Idempotency-Key was already answered');
  }
}

/**
 * One request's `Idempotency-Key`, carried (AsyncLocalStorage) from the interceptor into the first database
 * transaction the request opens. That transaction claims the key as its first statement and stores the answer as
 * its last, so the record commits with the business rows or not at all: no crash window leaves a key "in progress",
 * and a rolled-back attempt leaves nothing behind, so a retry runs again.
 */
export class IdempotencyClaim {
  /** open: no transaction holds the key; held: one is running; stored: the answer committed with its effect. */
  state: 'open' | 'held' | 'stored' = 'open';
  /** The JSON stored as the answer, when a transaction stored one. */
  storedBody: string | undefined;

  constructor(
    readonly scope: string,
    readonly key: string,
    readonly requestHash: string,
    readonly statusCode: number,
  ) {}

  /** First statement of the transaction: take the key, or stop here with the stored answer (or 409/422). */
  async enter(manager: EntityManager): Promise<void> {
    if (await idempotencyRecords.claim(manager, this.scope, this.key, this.requestHash)) return;
    const existing = await idempotencyRecords.find(manager, this.scope, this.key);
    if (!existing) throw new ConflictException('A request with this Idempotency-Key is still being processed');
    throw answerOrRefusal(existing, this.requestHash);
  }

  /** Last statement of the transaction: the answer the client gets, stored with the effect. */
  async complete(manager: EntityManager, result: unknown): Promise<void> {
    const body = JSON.stringify(result ?? null);
    await idempotencyRecords.complete(manager, this.scope, this.key, this.statusCode, body);
    this.storedBody = body;
  }
}

/** What a replay of an existing record gets: its answer, or 422 (other request) / 409 (still running). */
export function answerOrRefusal(existing: IdempotencyRecord, requestHash: string): Error {
  if (existing.request_hash !== requestHash) {
    return new UnprocessableEntityException('This Idempotency-Key was already used for a different request');
  }
  if (existing.status_code === null) {
    return new ConflictException('A request with this Idempotency-Key is still being processed; retry shortly');
  }
  return new StoredIdempotentAnswer(existing);
}

export const idempotencyContext = new AsyncLocalStorage<IdempotencyClaim>();

/**
 * Runs `work` as a transaction that carries the current request's idempotency claim, if it is still open: the claim
 * is the transaction's first statement and the answer (the value `work` returns) its last. Used by the platform's
 * DataSource for every `dataSource.transaction(...)`, so services need no code of their own for it.
 */
export async function withIdempotencyClaim<T>(
  begin: (work: (manager: EntityManager) => Promise<T>) => Promise<T>,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  const claim = idempotencyContext.getStore();
  if (!claim || claim.state !== 'open') return begin(work);
  claim.state = 'held';
  try {
    const result = await begin(async (manager) => {
      await claim.enter(manager);
      const value = await work(manager);
      await claim.complete(manager, value);
      return value;
    });
    claim.state = 'stored';
    return result;
  } catch (error) {
    // Rolled back: the claim went with it, so a later transaction of the same request may take it again.
    claim.state = 'open';
    claim.storedBody = undefined;
    throw error;
  }
}
