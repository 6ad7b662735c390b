import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A booking cancelled or marked a no-show (by whatever feature) gives its pre-assigned room back at once, in the
 * same transaction, instead of holding it until the desk next touches the room.
 */
export class RoomAssignmentsReleasedOnCancel1764400630000 implements MigrationInterface {
  name = 'RoomAssignmentsReleasedOnCancel1764400630000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION room_assignment_follow_stay() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        stay room_assignment%ROWTYPE;
      BEGIN
        IF NEW.status IN ('cancelled', 'no_show') THEN
          UPDATE room_assignment
             SET status = 'released', ended_at = now(), reason = 'The booking became ' || NEW.status
           WHERE reservation_id = NEW.id AND status = 'assigned';
          RETURN NEW;
        END IF;
        IF OLD.arrival IS NOT DISTINCT FROM NEW.arrival AND OLD.departure IS NOT DISTINCT FROM NEW.departure THEN
          RETURN NEW;
        END IF;
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
    await queryRunner.query('DROP TRIGGER reservation_room_assignment_follow ON reservation');
    await queryRunner.query(`
      CREATE TRIGGER reservation_room_assignment_follow
        BEFORE UPDATE OF arrival, departure, status ON reservation
        FOR EACH ROW
        WHEN (OLD.arrival IS DISTINCT FROM NEW.arrival OR OLD.departure IS DISTINCT FROM NEW.departure
              OR (OLD.status IS DISTINCT FROM NEW.status AND NEW.status IN ('cancelled', 'no_show')))
        EXECUTE FUNCTION room_assignment_follow_stay()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER reservation_room_assignment_follow ON reservation');
    await queryRunner.query(`
      CREATE TRIGGER reservation_room_assignment_follow
        BEFORE UPDATE OF arrival, departure ON reservation
        FOR EACH ROW
        WHEN (OLD.arrival IS DISTINCT FROM NEW.arrival OR OLD.departure IS DISTINCT FROM NEW.departure)
        EXECUTE FUNCTION room_assignment_follow_stay()`);
  }
}
