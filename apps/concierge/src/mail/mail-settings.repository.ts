import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { updateReturning } from '../common/sql';

export interface MailSettingsRow {
  property_id: string;
  sender_name: string | null;
  sender_address: string | null;
  reply_to: string | null;
  manager_name: string | null;
  pre_arrival_days: number;
  pre_arrival_hour: number;
  event_reminder_hours: number;
  disabled_purposes: string[];
  updated_by: string | null;
  updated_at: Date | null;
}

export interface MailSettingsPatch {
  sender_name?: string | null;
  sender_address?: string | null;
  reply_to?: string | null;
  manager_name?: string | null;
  pre_arrival_days?: number;
  pre_arrival_hour?: number;
  event_reminder_hours?: number;
  disabled_purposes?: string[];
}

/** A stay about to be due for its pre-arrival message, with its property's time zone and timing. */
export interface PreArrivalCandidate {
  reservation_id: string;
  property_id: string;
  arrival: string;
  timezone: string;
  pre_arrival_days: number;
  pre_arrival_hour: number;
}

/** A guest of a group event coming up, with the event's local time and the property's reminder lead time. */
export interface ReminderCandidate {
  reservation_id: string;
  property_id: string;
  event_id: string;
  date: string;
  start_time: string;
  timezone: string;
  event_reminder_hours: number;
}

const PATCHABLE = [
  'sender_name',
  'sender_address',
  'reply_to',
  'manager_name',
  'pre_arrival_days',
  'pre_arrival_hour',
  'event_reminder_hours',
  'disabled_purposes',
] as const;

/** Per-property mail settings, and the scheduler's searches for what may be due. The only SQL on mail_settings. */
@Injectable()
export class MailSettingsRepository {
  async find(manager: EntityManager, propertyId: string): Promise<MailSettingsRow | undefined> {
    const rows: MailSettingsRow[] = await manager.query('SELECT * FROM mail_settings WHERE property_id = $1', [
      propertyId,
    ]);
    return rows[0];
  }

  /** Changes the fields given (an explicit null clears a sender field); the others keep their value. */
  async save(
    manager: EntityManager,
    propertyId: string,
    patch: MailSettingsPatch,
    actor: string,
  ): Promise<MailSettingsRow> {
    await manager.query(
      'INSERT INTO mail_settings (property_id, updated_by) VALUES ($1, $2) ON CONFLICT (property_id) DO NOTHING',
      [propertyId, actor],
    );
    const given = PATCHABLE.filter((column) => patch[column] !== undefined);
    const assignments = given.map((column, index) => `${column} = $${index + 3}`);
    const rows = await updateReturning<MailSettingsRow>(
      manager,
      `UPDATE mail_settings SET ${[...assignments, 'updated_by = $2', 'updated_at = now()'].join(', ')}
        WHERE property_id = $1 RETURNING *`,
      [propertyId, actor, ...given.map((column) => patch[column])],
    );
    return rows[0];
  }

  /**
   * Expected stays whose arrival is within their property's pre-arrival window as seen from `now` (property-local
   * day), that have not had the message yet and whose property has not switched it off. The exact hour is the
   * caller's rule (preArrivalIsDue).
   */
  preArrivalCandidates(manager: EntityManager, now: Date, limit: number): Promise<PreArrivalCandidate[]> {
    return manager.query(
      `SELECT s.reservation_id, s.property_id, to_char(s.arrival, 'YYYY-MM-DD') AS arrival, cs.timezone,
              COALESCE(ms.pre_arrival_days, 3) AS pre_arrival_days, COALESCE(ms.pre_arrival_hour, 10) AS pre_arrival_hour
         FROM stay_guest s
         JOIN concierge_settings cs ON cs.property_id = s.property_id
         LEFT JOIN mail_settings ms ON ms.property_id = s.property_id
        WHERE s.status = 'expected'
          AND NOT ('pre_arrival' = ANY (COALESCE(ms.disabled_purposes, '{}')))
          AND s.arrival > ($1::timestamptz AT TIME ZONE cs.timezone)::date
          AND s.arrival <= ($1::timestamptz AT TIME ZONE cs.timezone)::date + COALESCE(ms.pre_arrival_days, 3)
          AND NOT EXISTS (SELECT 1 FROM message_log l WHERE l.once_key = s.reservation_id || '/pre_arrival')
        ORDER BY s.arrival, s.reservation_id
        LIMIT $2`,
      [now.toISOString(), limit],
    );
  }

  /**
   * Guests (listed on the event, or staying in its group block) of planned or confirmed group events starting within
   * the reminder lead time (coarsely, by local day), who have not had this event's reminder yet.
   */
  reminderCandidates(manager: EntityManager, now: Date, limit: number): Promise<ReminderCandidate[]> {
    return manager.query(
      `SELECT s.reservation_id, e.property_id, e.id AS event_id, to_char(e.date, 'YYYY-MM-DD') AS date, e.start_time,
              cs.timezone, COALESCE(ms.event_reminder_hours, 24) AS event_reminder_hours
         FROM group_event e
         JOIN concierge_settings cs ON cs.property_id = e.property_id
         LEFT JOIN mail_settings ms ON ms.property_id = e.property_id
         JOIN stay_guest s ON s.property_id = e.property_id
          AND (s.reservation_id = ANY (e.reservation_ids) OR (e.group_block_id IS NOT NULL
               AND s.group_block_id = e.group_block_id))
        WHERE e.status IN ('planned', 'confirmed')
          AND s.status IN ('expected', 'in_house')
          AND NOT ('event_reminder' = ANY (COALESCE(ms.disabled_purposes, '{}')))
          AND e.date >= ($1::timestamptz AT TIME ZONE cs.timezone)::date
          AND e.date <= ($1::timestamptz AT TIME ZONE cs.timezone)::date
                        + (COALESCE(ms.event_reminder_hours, 24) / 24 + 1)
          AND NOT EXISTS (SELECT 1 FROM message_log l
                           WHERE l.once_key = s.reservation_id || '/event_reminder/' || e.id)
        ORDER BY e.date, e.id, s.reservation_id
        LIMIT $2`,
      [now.toISOString(), limit],
    );
  }
}
