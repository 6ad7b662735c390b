import { TOPICS } from '@frontoffice/contracts';
import type { Admin } from 'kafkajs';
import { Client } from 'pg';
import { Fleet, SERVICES } from './fleet';

const DLQ_TOPICS = Object.values(TOPICS).map((topic) => `${topic}.dlq`);
const ALL_TOPICS = Object.values(TOPICS);

type Watermarks = Map<string, number>; // `${topic}:${partition}` → high watermark

/**
 * What must hold after any fault, read from the services' own databases (the source of truth) and the broker:
 * one folio per booking, one posting per room night, a balanced journal batch per closed day, nothing left in an
 * outbox, nothing dead-lettered, every consumer caught up.
 */
export class Invariants {
  private startMarks: Watermarks = new Map();
  private dlqStartMarks: Watermarks = new Map();
  private readonly databases = new Map<string, Client>();

  constructor(
    private readonly admin: Admin,
    private readonly fleet: Fleet,
    private readonly databaseUrl: (database: string) => string,
  ) {}

  /** Where the topics and their dead-letter topics stood before the suite produced anything. */
  async markStart(): Promise<void> {
    this.startMarks = await this.watermarks(ALL_TOPICS);
    this.dlqStartMarks = await this.watermarks(DLQ_TOPICS);
  }

  async close(): Promise<void> {
    await Promise.all([...this.databases.values()].map((client) => client.end().catch(() => undefined)));
    this.databases.clear();
  }

  /** Events still waiting in a service's outbox. */
  async unpublished(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const service of SERVICES) {
      const rows = await this.query<{ count: string }>(
        service.database,
        'SELECT count(*) FROM outbox_event WHERE published_at IS NULL',
      );
      counts[service.name] = Number(rows[0].count);
    }
    return counts;
  }

  /**
   * Messages each consumer group has not committed yet, on the partitions written since the suite began (the rest
   * of the shared test topics is none of this run's business: the groups started at their end).
   */
  async lag(): Promise<Record<string, number>> {
    const now = await this.watermarks(ALL_TOPICS);
    const lag: Record<string, number> = {};
    for (const service of SERVICES) {
      lag[service.name] = 0;
      if (service.consumes.length === 0) continue;
      const committed = await this.admin.fetchOffsets({
        groupId: this.fleet.groupId(service.name),
        topics: [...service.consumes],
      });
      for (const { topic, partitions } of committed) {
        for (const { partition, offset } of partitions) {
          const key = `${topic}:${partition}`;
          const high = now.get(key) ?? 0;
          if (high <= (this.startMarks.get(key) ?? 0)) continue;
          const consumed = Number(offset) < 0 ? (this.startMarks.get(key) ?? 0) : Number(offset);
          lag[service.name] += Math.max(0, high - consumed);
        }
      }
    }
    return lag;
  }

  /** Messages written to any dead-letter topic since the suite began (this phase of the test run is alone). */
  async deadLettered(): Promise<number> {
    const now = await this.watermarks(DLQ_TOPICS);
    let count = 0;
    for (const [key, high] of now) count += high - (this.dlqStartMarks.get(key) ?? 0);
    return count;
  }

  /** Events a service's consumer has applied so far (rows of its inbox). */
  async inboxCount(database: string): Promise<number> {
    const rows = await this.query<{ count: string }>(database, 'SELECT count(*) FROM inbox_event');
    return Number(rows[0].count);
  }

  /** Bookings of these properties without exactly one folio, and folios of unknown bookings. */
  async folioMismatches(propertyIds: string[]): Promise<string[]> {
    const bookings = await this.query<{ id: string }>(
      'reservations',
      'SELECT id FROM reservation WHERE property_id = ANY($1)',
      [propertyIds],
    );
    const folios = await this.query<{ reservation_id: string; count: string }>(
      'billing',
      'SELECT reservation_id, count(*) FROM folio WHERE property_id = ANY($1) GROUP BY reservation_id',
      [propertyIds],
    );
    const perBooking = new Map(folios.map((row) => [row.reservation_id, Number(row.count)]));
    const problems = bookings
      .filter(({ id }) => perBooking.get(id) !== 1)
      .map(({ id }) => `booking ${id} has ${perBooking.get(id) ?? 0} folios`);
    const known = new Set(bookings.map(({ id }) => id));
    for (const id of perBooking.keys()) if (!known.has(id)) problems.push(`folio for unknown booking ${id}`);
    return problems;
  }

  /** Room nights posted by the night audit without exactly one night-audit posting on a folio, and the reverse. */
  async roomNightMismatches(propertyIds: string[]): Promise<string[]> {
    const posted = await this.query<{ night: string }>(
      'reservations',
      `SELECT p.reservation_id || '/' || to_char(p.business_date, 'YYYY-MM-DD') AS night
         FROM room_night_posting p JOIN reservation r ON r.id = p.reservation_id
        WHERE r.property_id = ANY($1)`,
      [propertyIds],
    );
    const charged = await this.query<{ night: string; count: string }>(
      'billing',
      `SELECT reservation_id || '/' || to_char(business_date, 'YYYY-MM-DD') AS night, count(*)
         FROM posting WHERE source = 'night_audit' AND property_id = ANY($1)
        GROUP BY reservation_id, business_date`,
      [propertyIds],
    );
    const perNight = new Map(charged.map((row) => [row.night, Number(row.count)]));
    const problems = posted
      .filter(({ night }) => perNight.get(night) !== 1)
      .map(({ night }) => `room night ${night} has ${perNight.get(night) ?? 0} postings`);
    const known = new Set(posted.map(({ night }) => night));
    for (const night of perNight.keys())
      if (!known.has(night)) problems.push(`posting for unknown room night ${night}`);
    return problems;
  }

  /** Closed business dates without exactly one journal batch, and batches whose lines do not balance. */
  async journalMismatches(propertyIds: string[]): Promise<string[]> {
    const closed = await this.query<{ day: string }>(
      'reservations',
      `SELECT property_id || '/' || to_char(business_date, 'YYYY-MM-DD') AS day FROM night_audit
        WHERE property_id = ANY($1)`,
      [propertyIds],
    );
    const batches = await this.query<{
      day: string;
      debit: string;
      credit: string;
      lines_debit: string;
      lines_credit: string;
    }>(
      'billing',
      `SELECT b.property_id || '/' || to_char(b.business_date, 'YYYY-MM-DD') AS day,
              b.debit_minor AS debit, b.credit_minor AS credit,
              COALESCE(sum(l.debit_minor), 0) AS lines_debit, COALESCE(sum(l.credit_minor), 0) AS lines_credit
         FROM journal_batch b
         LEFT JOIN journal_entry e ON e.batch_id = b.id
         LEFT JOIN journal_line l ON l.entry_id = e.id
        WHERE b.property_id = ANY($1)
        GROUP BY b.id`,
      [propertyIds],
    );
    const problems: string[] = [];
    const perDay = new Map<string, number>();
    for (const batch of batches) {
      perDay.set(batch.day, (perDay.get(batch.day) ?? 0) + 1);
      if (
        batch.debit !== batch.credit ||
        batch.lines_debit !== batch.lines_credit ||
        batch.debit !== batch.lines_debit
      ) {
        problems.push(
          `journal batch ${batch.day} does not balance: batch ${batch.debit}/${batch.credit}, ` +
            `lines ${batch.lines_debit}/${batch.lines_credit}`,
        );
      }
    }
    for (const { day } of closed) {
      if (perDay.get(day) !== 1) problems.push(`closed day ${day} has ${perDay.get(day) ?? 0} journal batches`);
    }
    return problems;
  }

  private async watermarks(topics: string[]): Promise<Watermarks> {
    const marks: Watermarks = new Map();
    for (const topic of topics) {
      for (const { partition, high } of await this.admin.fetchTopicOffsets(topic)) {
        marks.set(`${topic}:${partition}`, Number(high));
      }
    }
    return marks;
  }

  private async query<T>(database: string, sql: string, parameters: unknown[] = []): Promise<T[]> {
    let client = this.databases.get(database);
    if (!client) {
      client = new Client({ connectionString: this.databaseUrl(database) });
      // A connection the database outage dropped is replaced at the next query.
      client.on('error', () => this.databases.delete(database));
      await client.connect();
      this.databases.set(database, client);
    }
    try {
      return (await client.query(sql, parameters)).rows as T[];
    } catch (error) {
      this.databases.delete(database);
      await client.end().catch(() => undefined);
      throw error;
    }
  }
}
