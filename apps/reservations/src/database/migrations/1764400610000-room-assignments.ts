import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which room a stay occupies, for which nights. The exclusion constraint is the guarantee that one room never goes
 * to two overlapping stays, whatever the timing of the requests: the database refuses the second. A room move
 * ends one assignment (its nights cut at the move date) and starts another; a released one (the booking was
 * cancelled or re-assigned) no longer counts.
 */
export class RoomAssignments1764400610000 implements MigrationInterface {
  name = 'RoomAssignments1764400610000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS btree_gist');
    await queryRunner.query(`
      CREATE TABLE room_assignment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        property_id uuid NOT NULL REFERENCES property(id),
        reservation_id uuid NOT NULL REFERENCES reservation(id),
        room_id uuid NOT NULL REFERENCES room(id),
        room_type_id uuid NOT NULL REFERENCES room_type(id),
        booked_room_type_id uuid NOT NULL REFERENCES room_type(id),
        upgraded boolean NOT NULL DEFAULT false,
        nights daterange NOT NULL,
        status text NOT NULL CHECK (status IN ('assigned', 'in_house', 'moved_out', 'checked_out', 'released')),
        reason text,
        assigned_by text NOT NULL,
        assigned_at timestamptz NOT NULL DEFAULT now(),
        ended_at timestamptz,
        CONSTRAINT room_assignment_no_overlap
          EXCLUDE USING gist (room_id WITH =, nights WITH &&) WHERE (status <> 'released')
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX room_assignment_one_current ON room_assignment (reservation_id)
         WHERE status IN ('assigned', 'in_house')`,
    );
    await queryRunner.query(
      'CREATE INDEX room_assignment_reservation ON room_assignment (reservation_id, assigned_at)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE room_assignment');
  }
}
