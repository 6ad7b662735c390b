import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Guest e-mail: the message log becomes the delivery queue too (status, attempts, next attempt, the relay's reply),
 * with one row per (stay, automatic purpose) guaranteed by `once_key`; per-property mail settings (sender, reply-to,
 * automatic purposes and their timing); the guests' communication preferences; and the guests erased on request, so
 * nothing is ever sent to them again.
 */
export class GuestMail1764400914000 implements MigrationInterface {
  name = 'GuestMail1764400914000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE message_log
        ADD COLUMN status text NOT NULL DEFAULT 'sent'
          CHECK (status IN ('queued', 'sent', 'deferred', 'failed', 'cancelled')),
        ADD COLUMN automatic boolean NOT NULL DEFAULT false,
        ADD COLUMN once_key text,
        ADD COLUMN guest_id uuid,
        ADD COLUMN consent_key text,
        ADD COLUMN recipient_address text,
        ADD COLUMN attempts integer NOT NULL DEFAULT 0,
        ADD COLUMN next_attempt_at timestamptz,
        ADD COLUMN smtp_message_id text,
        ADD COLUMN smtp_code integer,
        ADD COLUMN smtp_response text,
        ADD COLUMN status_changed_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN delivered_at timestamptz,
        ADD COLUMN scrubbed_at timestamptz`);
    await queryRunner.query(
      'CREATE UNIQUE INDEX message_log_once ON message_log (once_key) WHERE once_key IS NOT NULL',
    );
    await queryRunner.query(
      `CREATE INDEX message_log_due ON message_log (next_attempt_at) WHERE status IN ('queued', 'deferred')`,
    );
    await queryRunner.query('CREATE INDEX message_log_guest ON message_log (guest_id) WHERE guest_id IS NOT NULL');
    await queryRunner.query(
      'CREATE INDEX message_log_reservation ON message_log (reservation_id) WHERE reservation_id IS NOT NULL',
    );
    await queryRunner.query(`
      CREATE TABLE mail_settings (
        property_id uuid PRIMARY KEY,
        sender_name text,
        sender_address text,
        reply_to text,
        manager_name text,
        pre_arrival_days smallint NOT NULL DEFAULT 3 CHECK (pre_arrival_days BETWEEN 1 AND 60),
        pre_arrival_hour smallint NOT NULL DEFAULT 10 CHECK (pre_arrival_hour BETWEEN 0 AND 23),
        event_reminder_hours smallint NOT NULL DEFAULT 24 CHECK (event_reminder_hours BETWEEN 1 AND 336),
        disabled_purposes text[] NOT NULL DEFAULT '{}',
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE guest_consent (
        property_id uuid NOT NULL,
        consent_key text NOT NULL,
        automatic_messages boolean NOT NULL DEFAULT true,
        any_messages boolean NOT NULL DEFAULT true,
        marketing boolean NOT NULL DEFAULT false,
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (property_id, consent_key)
      )`);
    await queryRunner.query(`
      CREATE TABLE mail_erased_guest (
        guest_id uuid PRIMARY KEY,
        erased_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE mail_erased_guest');
    await queryRunner.query('DROP TABLE guest_consent');
    await queryRunner.query('DROP TABLE mail_settings');
    await queryRunner.query('DROP INDEX message_log_reservation');
    await queryRunner.query('DROP INDEX message_log_guest');
    await queryRunner.query('DROP INDEX message_log_due');
    await queryRunner.query('DROP INDEX message_log_once');
    for (const column of [
      'status',
      'automatic',
      'once_key',
      'guest_id',
      'consent_key',
      'recipient_address',
      'attempts',
      'next_attempt_at',
      'smtp_message_id',
      'smtp_code',
      'smtp_response',
      'status_changed_at',
      'delivered_at',
      'scrubbed_at',
    ]) {
      await queryRunner.query(`ALTER TABLE message_log DROP COLUMN ${column}`);
    }
  }
}
