import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DeliveryStatus, MessagePurpose } from '@frontoffice/contracts';
import { CursorKey, keyedPage, Keyset, Page, pageLimit } from '@frontoffice/platform';
import { DataSource, EntityManager } from 'typeorm';
import { updateReturning } from '../common/sql';
import type { MessageQuery } from './messages.dto';

export type LogStatus = DeliveryStatus;

/** A message_log row: what was said to whom, and for e-mail where its delivery stands. */
export interface LogRow {
  id: string;
  property_id: string;
  template_id: string;
  template_version: number;
  purpose: MessagePurpose;
  language: string;
  fallback_used: boolean;
  language_source: 'guest' | 'property_fallback' | 'any_available';
  reservation_id: string | null;
  recipient: string;
  channel: string;
  subject: string;
  body: string;
  sent_by: string;
  sent_at: Date;
  status: LogStatus;
  automatic: boolean;
  once_key: string | null;
  guest_id: string | null;
  consent_key: string | null;
  recipient_address: string | null;
  attempts: number;
  next_attempt_at: Date | null;
  smtp_message_id: string | null;
  smtp_code: number | null;
  smtp_response: string | null;
  status_changed_at: Date;
  delivered_at: Date | null;
  scrubbed_at: Date | null;
}

/** What the caller decides; the queue columns (attempts, next attempt, replies) start empty. */
export type NewLogEntry = Pick<
  LogRow,
  | 'id'
  | 'property_id'
  | 'template_id'
  | 'template_version'
  | 'purpose'
  | 'language'
  | 'fallback_used'
  | 'language_source'
  | 'reservation_id'
  | 'recipient'
  | 'channel'
  | 'subject'
  | 'body'
  | 'sent_by'
  | 'automatic'
  | 'once_key'
  | 'guest_id'
  | 'consent_key'
> & {
  /** 'queued' for e-mail (the worker delivers it), 'sent' for what the desk hands over itself. */
  status: 'queued' | 'sent';
};

/** A due e-mail as the worker sends it: the row, its property's sender and the guest's current preferences. */
export interface DueMail extends LogRow {
  sender_name: string | null;
  sender_address: string | null;
  reply_to: string | null;
  property_name: string | null;
  any_allowed: boolean;
  automatic_allowed: boolean;
  erased: boolean;
}

export interface DeliveryUpdate {
  id: string;
  status: Exclude<LogStatus, 'queued'>;
  attempts: number;
  /** For a deferred message: when to try again, from now. */
  retry_in_ms: number | null;
  smtp_message_id: string | null;
  smtp_code: number | null;
  smtp_response: string | null;
  recipient_address: string | null;
}

const LOG_ORDER = new Keyset(
  [
    { sql: 'sent_at', kind: 'timestamp' },
    { sql: 'id', kind: 'uuid' },
  ],
  'DESC',
);

const NEW_ENTRY_COLUMNS = `id uuid, property_id uuid, template_id uuid, template_version integer, purpose text,
  language text, fallback_used boolean, language_source text, reservation_id uuid, recipient text, channel text,
  subject text, body text, sent_by text, status text, automatic boolean, once_key text, guest_id uuid,
  consent_key text`;

/** The message log and, through its status columns, the e-mail delivery queue. The only SQL on message_log. */
@Injectable()
export class MessageLogRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Logs (and for e-mail queues) messages in the caller's transaction. An automatic message whose `once_key` is
   * already logged is skipped: only the rows actually inserted come back.
   */
  async insert(manager: EntityManager, entries: NewLogEntry[]): Promise<LogRow[]> {
    if (entries.length === 0) return [];
    return manager.query(
      `INSERT INTO message_log (id, property_id, template_id, template_version, purpose, language, fallback_used,
                                language_source, reservation_id, recipient, channel, subject, body, sent_by, status,
                                automatic, once_key, guest_id, consent_key, next_attempt_at)
       SELECT x.id, x.property_id, x.template_id, x.template_version, x.purpose, x.language, x.fallback_used,
              x.language_source, x.reservation_id, x.recipient, x.channel, x.subject, x.body, x.sent_by, x.status,
              x.automatic, x.once_key, x.guest_id, x.consent_key,
              CASE WHEN x.status = 'queued' THEN now() END
         FROM jsonb_to_recordset($1::jsonb) AS x(${NEW_ENTRY_COLUMNS})
       ON CONFLICT (once_key) WHERE once_key IS NOT NULL DO NOTHING
       RETURNING *`,
      [JSON.stringify(entries)],
    );
  }

  /** The once-keys among `keys` already logged, so a scheduler pass renders only what is new. */
  async loggedOnceKeys(manager: EntityManager, keys: string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows: Array<{ once_key: string }> = await manager.query(
      'SELECT once_key FROM message_log WHERE once_key = ANY($1::text[])',
      [keys],
    );
    return new Set(rows.map((row) => row.once_key));
  }

  async get(propertyId: string, messageId: string): Promise<LogRow | undefined> {
    const rows: LogRow[] = await this.dataSource.query('SELECT * FROM message_log WHERE id = $1 AND property_id = $2', [
      messageId,
      propertyId,
    ]);
    return rows[0];
  }

  /** Newest first: (sent_at, id) descending. */
  async list(propertyId: string, query: MessageQuery): Promise<Page<LogRow>> {
    const limit = pageLimit(query);
    const after = LOG_ORDER.after(query.cursor, 6);
    const rows: Array<LogRow & { page_key: CursorKey }> = await this.dataSource.query(
      `SELECT *, ${LOG_ORDER.pageKey} FROM message_log WHERE property_id = $1 AND ($2::uuid IS NULL OR reservation_id = $2)
          AND ($3::text IS NULL OR purpose = $3) AND ($4::text IS NULL OR status = $4) AND ${after.sql}
        ORDER BY ${LOG_ORDER.orderBy} LIMIT $5`,
      [
        propertyId,
        query.reservationId ?? null,
        query.purpose ?? null,
        query.status ?? null,
        limit + 1,
        ...after.parameters,
      ],
    );
    return keyedPage(rows, limit, (row) => row);
  }

  /**
   * Locks up to `limit` due e-mails (FOR UPDATE SKIP LOCKED: another instance takes the next ones) for the caller's
   * transaction, which sends them and records the outcome before it commits; so no two instances send one message.
   */
  claimDue(manager: EntityManager, limit: number): Promise<DueMail[]> {
    return manager.query(
      `WITH due AS MATERIALIZED (
         SELECT id FROM message_log
          WHERE status IN ('queued', 'deferred') AND next_attempt_at <= now()
          ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
       SELECT m.*, ms.sender_name, ms.sender_address, ms.reply_to, cs.property_name,
              COALESCE(gc.any_messages, true) AS any_allowed,
              COALESCE(gc.automatic_messages, true) AS automatic_allowed,
              (eg.guest_id IS NOT NULL) AS erased
         FROM due JOIN message_log m ON m.id = due.id
         LEFT JOIN mail_settings ms ON ms.property_id = m.property_id
         LEFT JOIN concierge_settings cs ON cs.property_id = m.property_id
         LEFT JOIN guest_consent gc ON gc.property_id = m.property_id AND gc.consent_key = m.consent_key
         LEFT JOIN mail_erased_guest eg ON eg.guest_id = m.guest_id
        ORDER BY m.next_attempt_at`,
      [limit],
    );
  }

  /** Records every outcome of one worker pass in one statement. */
  async recordDeliveries(manager: EntityManager, updates: DeliveryUpdate[]): Promise<LogRow[]> {
    if (updates.length === 0) return [];
    return updateReturning<LogRow>(
      manager,
      `UPDATE message_log AS m SET
         status = x.status,
         attempts = x.attempts,
         next_attempt_at = CASE WHEN x.status = 'deferred' THEN now() + x.retry_in_ms * interval '1 millisecond' END,
         smtp_message_id = COALESCE(x.smtp_message_id, m.smtp_message_id),
         smtp_code = x.smtp_code,
         smtp_response = x.smtp_response,
         recipient_address = COALESCE(x.recipient_address, m.recipient_address),
         delivered_at = CASE WHEN x.status = 'sent' THEN now() ELSE m.delivered_at END,
         status_changed_at = now()
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, status text, attempts integer, retry_in_ms bigint,
                                               smtp_message_id text, smtp_code integer, smtp_response text,
                                               recipient_address text)
       WHERE m.id = x.id
       RETURNING m.*`,
      [JSON.stringify(updates)],
    );
  }

  /**
   * An erased guest's messages keep only what they were (purpose, language, status, dates): name, address, text and
   * the relay's reply go; what had not left yet is cancelled. Returns the rows cancelled by this erasure.
   */
  async scrubGuest(manager: EntityManager, guestId: string): Promise<LogRow[]> {
    const rows = await updateReturning<LogRow & { previous_status: LogStatus }>(
      manager,
      `WITH target AS MATERIALIZED (
         SELECT id, status FROM message_log
          WHERE guest_id = $1 OR reservation_id IN (SELECT reservation_id FROM stay_guest WHERE guest_id = $1)
          FOR UPDATE)
       UPDATE message_log AS m SET recipient = 'erased', recipient_address = NULL, subject = '', body = '',
              smtp_response = NULL, scrubbed_at = now(),
              status = CASE WHEN target.status IN ('queued', 'deferred') THEN 'cancelled' ELSE target.status END,
              next_attempt_at = NULL,
              status_changed_at = CASE WHEN target.status IN ('queued', 'deferred') THEN now()
                                       ELSE m.status_changed_at END
         FROM target WHERE m.id = target.id
       RETURNING m.*, target.status AS previous_status`,
      [guestId],
    );
    return rows.filter((row) => row.previous_status === 'queued' || row.previous_status === 'deferred');
  }
}
