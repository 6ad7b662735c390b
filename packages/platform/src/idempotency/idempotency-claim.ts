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
 * transaction the request opens. That transaction's last statement records the key with its answer, so the record
 * commits with the business rows or not at all: no crash window leaves a key "in progress" or a change without its
 * key, and a rolled-back attempt leaves nothing behind, so a retry runs again. The key is unique: a concurrent
 * duplicate blocks on that insert until the first commits, then rolls back its own work and replays the answer.
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

  /** Last statement of the transaction: the answer the client gets, stored with the effect — or the first answer. */
  async store(manager: EntityManager, result: unknown): Promise<void> {
    const body = JSON.stringify(result ?? null);
    if (await idempotencyRecords.insertAnswer(manager, this.scope, this.key, this.requestHash, this.statusCode, body)) {
      this.storedBody = body;
      return;
    }
    throw await this.existingAnswer(manager);
  }

  /** The outcome for a key that already has a record: its answer to replay, or 422 / 409. */
  async existingAnswer(db: Pick<EntityManager, 'query'>): Promise<Error> {
    const existing = await idempotencyRecords.find(db, this.scope, this.key);
    if (!existing) return new ConflictException('A request with this Idempotency-Key is still being processed');
    return answerOrRefusal(existing, this.requestHash);
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
 * Runs `work` as a transaction that carries the current request's idempotency claim, if it is still open: the key
 * and its answer (the value `work` returns) are the transaction's last statement. Used by the platform's DataSource
 * for every `dataSource.transaction(...)`, so services need no code of their own for it.
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
      const value = await work(manager);
      await claim.store(manager, value);
      return value;
    });
    claim.state = 'stored';
    return result;
  } catch (error) {
    // Rolled back: the key went with it, so a later transaction of the same request may carry it again.
    claim.state = 'open';
    claim.storedBody = undefined;
    throw error;
  }
}
