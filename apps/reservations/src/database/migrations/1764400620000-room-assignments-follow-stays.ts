import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Keeps room assignments in step with their booking's dates, whoever changes them (a modification, an extension
 * of an in-house stay), in the same transaction:
 * - an in-house stay that is extended keeps its room for the new nights; a later booking pre-assigned to that room
 *   for those nights loses the pre-assignment (the desk gives it another room at arrival);
 * - a confirmed booking's pre-assignment follows its new dates, or is released when the room is taken then.
 * The exclusion constraint still has the last word: one room is never given to two overlapping stays.
 */
export class RoomAssignmentsFollowStays1764400620000 implements MigrationInterface {
  name = 'RoomAssignmentsFollowStays1764400620000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION room_assignment_follow_stay() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        stay room_assignment%ROWTYPE;
      BEGIN
        IF NEW.status = 'checked_in' THEN
          SELECT * INTO stay FROM room_assignment WHERE reservation_id = NEW.id AND status = 'in_house';
          IF FOUND THEN
            WITH bumped AS (
              UPDATE room_assignment
                 SET status = 'released', ended_at = now(),
                     reason = 'The guest in the room extended their stay'
               WHERE room_id = stay.room_id AND status = 'assigned' AND reservation_id <> NEW.id
                 AND nights && daterange(lower(stay.nights), NEW.departure)
              RETURNING reservation_id)
            UPDATE reservation SET room_id = NULL
             WHERE id IN (SELECT reservation_id FROM bumped) AND room_id = stay.room_id;
            UPDATE room_assignment
               SET nights = daterange(lower(nights), GREATEST(lower(nights), NEW.departure))
             WHERE id = stay.id;
          END IF;
        ELSIF NEW.status = 'confirmed' THEN
          BEGIN
            UPDATE room_assignment SET nights = daterange(NEW.arrival, NEW.departure)
             WHERE reservation_id = NEW.id AND status = 'assigned';
          EXCEPTION WHEN exclusion_violation THEN
            UPDATE room_assignment
               SET status = 'released', ended_at = now(), reason = 'The room is taken on the new dates'
             WHERE reservation_id = NEW.id AND status = 'assigned';
            NEW.room_id := NULL;
          END;
        END IF;
        RETURN NEW;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER reservation_room_assignment_follow
        BEFORE UPDATE OF arrival, departure ON reservation
        FOR EACH ROW
        WHEN (OLD.arrival IS DISTINCT FROM NEW.arrival OR OLD.departure IS DISTINCT FROM NEW.departure)
        EXECUTE FUNCTION room_assignment_follow_stay()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER reservation_room_assignment_follow ON reservation');
    await queryRunner.query('DROP FUNCTION room_assignment_follow_stay()');
  }
}
