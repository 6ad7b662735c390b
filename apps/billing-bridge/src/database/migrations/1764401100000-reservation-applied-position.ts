import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Late or replayed events never roll billing back. Each reservation keeps the time of the last reservations event
 * applied to it, with the status and guest name that event left, so an older `reservation.created` (a dead letter
 * requeued after the booking was cancelled) opens no folio and an older `reservation.modified` brings back no
 * former name. Erasures are kept per guest and per reservation: an erasure is final, whatever the time of the events
 * that arrive after it, so no event (however old) brings an erased guest's name back.
 */
export class ReservationAppliedPosition1764401100000 implements MigrationInterface {
  name = 'ReservationAppliedPosition1764401100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE reservation_position (
        reservation_id uuid PRIMARY KEY,
        property_id uuid NOT NULL,
        applied_event_time timestamptz NOT NULL,
        applied_event_type text NOT NULL,
        status text NOT NULL CHECK (status IN ('confirmed', 'checked_in', 'checked_out', 'cancelled', 'no_show')),
        guest_name text,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE erased_guest (
        guest_id uuid PRIMARY KEY,
        replacement text NOT NULL,
        erased_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The erasure names every reservation of the guest, some of which billing may not have seen yet.
    await queryRunner.query(`
      CREATE TABLE erased_reservation (
        reservation_id uuid PRIMARY KEY,
        guest_id uuid NOT NULL,
        replacement text NOT NULL,
        erased_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE erased_reservation');
    await queryRunner.query('DROP TABLE erased_guest');
    await queryRunner.query('DROP TABLE reservation_position');
  }
}
