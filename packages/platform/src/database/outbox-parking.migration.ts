import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An outbox event Kafka can never take (too large, an invalid record) is parked with its reason instead of blocking
 * every event behind it; an operator lists it and re-queues it after a fix (`npm run dlq`).
 */
export class OutboxParking1764650000000 implements MigrationInterface {
  name = 'OutboxParking1764650000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE outbox_event ADD COLUMN parked_at timestamptz, ADD COLUMN parked_reason text`);
    await queryRunner.query(`DROP INDEX outbox_event_unpublished`);
    await queryRunner.query(
      `CREATE INDEX outbox_event_pending ON outbox_event (seq) WHERE published_at IS NULL AND parked_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX outbox_event_parked ON outbox_event (seq) WHERE published_at IS NULL AND parked_at IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX outbox_event_parked');
    await queryRunner.query('DROP INDEX outbox_event_pending');
    await queryRunner.query(`CREATE INDEX outbox_event_unpublished ON outbox_event (seq) WHERE published_at IS NULL`);
    await queryRunner.query('ALTER TABLE outbox_event DROP COLUMN parked_reason, DROP COLUMN parked_at');
  }
}
