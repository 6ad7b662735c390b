import { BaseRpcContext } from '@nestjs/microservices';
import type { EventEnvelope } from '@frontoffice/contracts';
import type { EntityManager } from 'typeorm';

type EventContextArgs = [
  event: EventEnvelope,
  manager: EntityManager,
  topic: string,
  partition: number,
  offset: string,
];

/**
 * Given to every event handler (`@Ctx() context: EventContext`). `manager` is the transaction in which the inbox row
 * is written: do every database effect through it, so that the effect and "seen this event" commit together.
 */
export class EventContext extends BaseRpcContext<EventContextArgs> {
  get event(): EventEnvelope {
    return this.args[0];
  }
  get manager(): EntityManager {
    return this.args[1];
  }
  get topic(): string {
    return this.args[2];
  }
  get partition(): number {
    return this.args[3];
  }
  get offset(): string {
    return this.args[4];
  }
}

type EventBatchContextArgs = [
  manager: EntityManager,
  topic: string,
  partition: number,
  offsets: readonly string[],
  withCorrelation: <T>(event: EventEnvelope, work: () => Promise<T>) => Promise<T>,
];

/**
 * Given to `@EventBatchHandler` methods. `manager` is the one transaction in which the inbox rows of every event of
 * the batch are written: do every database effect through it. Events arrive in partition order, already
 * de-duplicated; `offsets[i]` is the Kafka offset of `events[i]`.
 */
export class EventBatchContext extends BaseRpcContext<EventBatchContextArgs> {
  get manager(): EntityManager {
    return this.args[0];
  }
  get topic(): string {
    return this.args[1];
  }
  get partition(): number {
    return this.args[2];
  }
  get offsets(): readonly string[] {
    return this.args[3];
  }
  /**
   * Runs `work` with `event` as the current cause, so events published meanwhile through the outbox carry its
   * correlation id and name it as their causation.
   */
  withCorrelation<T>(event: EventEnvelope, work: () => Promise<T>): Promise<T> {
    return this.args[4](event, work);
  }
}
