import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An extension that bumps a later pre-assignment clears that booking's room only when its row is free: a desk agent
 * working on that booking at the same moment holds its row and waits for the assignment rows this transaction
 * holds, so waiting for it would deadlock. (The agent's transaction then finds the pre-assignment released.)
 */
export class RoomAssignmentsNoDeadlock1764400640000 implements MigrationInterface {
  name = 'RoomAssignmentsNoDeadlock1764400640000';

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
             WHERE id IN (SELECT r.id FROM reservation r
                           WHERE r.id IN (SELECT reservation_id FROM bumped) AND r.room_id = stay.room_id
                           FOR UPDATE SKIP LOCKED);
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
  }

  async down(): Promise<void> {
    // The previous body differs only by waiting for the bumped booking's row; nothing to undo in the schema.
  }
}
