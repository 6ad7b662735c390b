import { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables every service needs for the outbox, the inbox and idempotent HTTP requests. */
export class MessagingSchema1764400000000 implements MigrationInterface {
  name = 'MessagingSchema1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE outbox_event (
        id uuid PRIMARY KEY,
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        topic text NOT NULL,
        message_key text NOT NULL,
        type text NOT NULL,
        envelope jsonb NOT NULL,
        headers jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        attempts int NOT NULL DEFAULT 0,
        last_error text
      )`);
    await queryRunner.query(`CREATE INDEX outbox_event_unpublished ON outbox_event (seq) WHERE published_at IS NULL`);
    await queryRunner.query(
      `CREATE INDEX outbox_event_published_at ON outbox_event (published_at) WHERE published_at IS NOT NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE inbox_event (
        consumer text NOT NULL,
        event_id uuid NOT NULL,
        type text NOT NULL,
        topic text NOT NULL,
        partition int NOT NULL,
        kafka_offset bigint NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, event_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE idempotency_record (
        scope text NOT NULL,
        idempotency_key text NOT NULL,
        request_hash text NOT NULL,
        status_code int,
        response_body jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        PRIMARY KEY (scope, idempotency_key)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE idempotency_record');
    await queryRunner.query('DROP TABLE inbox_event');
    await queryRunner.query('DROP TABLE outbox_event');
  }
}
