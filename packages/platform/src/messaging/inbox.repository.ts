import type { EntityManager } from 'typeorm';

export interface InboxRow {
  eventId: string;
  type: string;
  offset: string;
}

/**
 * Records events as applied by `consumer`, in one statement for the whole batch, inside the caller's transaction.
 * Returns the ids that were new: an id already there was applied before and must not be applied again.
 */
export async function insertInboxRows(
  manager: EntityManager,
  consumer: string,
  topic: string,
  partition: number,
  rows: InboxRow[],
): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const inserted: Array<{ event_id: string }> = await manager.query(
    `INSERT INTO inbox_event (consumer, event_id, type, topic, partition, kafka_offset)
     SELECT $1, event_id, type, $2, $3, kafka_offset
       FROM unnest($4::uuid[], $5::text[], $6::bigint[]) AS batch (event_id, type, kafka_offset)
     ON CONFLICT DO NOTHING
     RETURNING event_id`,
    [
      consumer,
      topic,
      partition,
      rows.map((row) => row.eventId),
      rows.map((row) => row.type),
      rows.map((row) => row.offset),
    ],
  );
  return new Set(inserted.map((row) => row.event_id));
}
