import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The time of the last reservations event applied to each forecast row, so a late or replayed older event (a
 * dead letter replayed after the booking was cancelled) never rolls the row back. '-infinity' lets existing rows
 * accept the next event whatever its time.
 */
export class ForecastAppliedPosition1764402000000 implements MigrationInterface {
  name = 'ForecastAppliedPosition1764402000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE forecast_reservation ADD COLUMN applied_event_time timestamptz NOT NULL DEFAULT '-infinity'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE forecast_reservation DROP COLUMN applied_event_time');
  }
}
