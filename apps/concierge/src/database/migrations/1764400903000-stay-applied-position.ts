import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Late or replayed events never roll the concierge's read models back: each stay keeps the time of the last
 * reservations event applied to it, and each guest the time of the last profile applied and whether the guest was
 * erased (an erasure is final: no older event brings a name back).
 */
export class StayAppliedPosition1764400903000 implements MigrationInterface {
  name = 'StayAppliedPosition1764400903000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE stay_guest ADD COLUMN applied_event_time timestamptz NOT NULL DEFAULT '-infinity'`,
    );
    await queryRunner.query(`
      CREATE TABLE guest_profile_position (
        guest_id uuid PRIMARY KEY,
        applied_event_time timestamptz NOT NULL,
        erased boolean NOT NULL DEFAULT false
      )`);
    // Guests erased before this migration: their stays already carry the erased marker.
    await queryRunner.query(`
      INSERT INTO guest_profile_position (guest_id, applied_event_time, erased)
      SELECT DISTINCT guest_id, now(), true FROM stay_guest
       WHERE guest_id IS NOT NULL AND first_name = 'erased' AND last_name = 'erased'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE guest_profile_position');
    await queryRunner.query('ALTER TABLE stay_guest DROP COLUMN applied_event_time');
  }
}
