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
