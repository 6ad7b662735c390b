import { DataSource, EntityManager } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';
import { withIdempotencyClaim } from './idempotency-claim';

/**
 * The services' TypeORM DataSource: `transaction(...)` also carries the current request's `Idempotency-Key` (see
 * IdempotencyClaim), so the key's record commits in the same transaction as the change it answers.
 */
export class PlatformDataSource extends DataSource {
  override transaction<T>(runInTransaction: (entityManager: EntityManager) => Promise<T>): Promise<T>;
  override transaction<T>(
    isolationLevel: IsolationLevel,
    runInTransaction: (entityManager: EntityManager) => Promise<T>,
  ): Promise<T>;
  override transaction<T>(
    isolationOrWork: IsolationLevel | ((entityManager: EntityManager) => Promise<T>),
    maybeWork?: (entityManager: EntityManager) => Promise<T>,
  ): Promise<T> {
    if (typeof isolationOrWork === 'function') {
      return withIdempotencyClaim((work) => super.transaction(work), isolationOrWork);
    }
    return withIdempotencyClaim((work) => super.transaction(isolationOrWork, work), maybeWork!);
  }
}
