import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rooms, inventory per night, rate plans, group blocks, the night audit, and the reservation columns a stay needs
 * (guest profile, room, check-in/out, cancellation). The availability guarantee lives in `inventory_night`: one row
 * per (room type, night), locked and updated conditionally, with CHECKs that refuse negative counts.
 */
export class ReservationsCore1764400500000 implements MigrationInterface {
  name = 'ReservationsCore1764400500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE property
        ADD COLUMN no_show_grace_days smallint NOT NULL DEFAULT 0 CHECK (no_show_grace_days BETWEEN 0 AND 7),
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
    await queryRunner.query(`
      ALTER TABLE room_type
        ADD COLUMN overbooking_allowance smallint NOT NULL DEFAULT 0 CHECK (overbooking_allowance >= 0)`);
    await queryRunner.query(`
      CREATE TABLE room (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        property_id uuid NOT NULL REFERENCES property(id),
        number text NOT NULL,
        floor smallint,
        room_type_id uuid NOT NULL REFERENCES room_type(id),
        status text NOT NULL DEFAULT 'vacant_clean'
          CHECK (status IN ('vacant_clean', 'vacant_dirty', 'inspected', 'occupied', 'out_of_order')),
        out_of_order_reason text,
        out_of_order_from date,
        out_of_order_to date,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (property_id, number),
        CHECK (out_of_order_to IS NULL OR out_of_order_from IS NULL OR out_of_order_to >= out_of_order_from),
        CHECK (status <> 'out_of_order' OR (out_of_order_reason IS NOT NULL AND out_of_order_from IS NOT NULL))
      )`);
    await queryRunner.query('CREATE INDEX room_property_type ON room (property_id, room_type_id)');
    await queryRunner.query(`
      CREATE TABLE rate_plan (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        property_id uuid NOT NULL REFERENCES property(id),
        code text NOT NULL,
        name text NOT NULL,
        is_default boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (property_id, code)
      )`);
    await queryRunner.query('CREATE UNIQUE INDEX rate_plan_one_default ON rate_plan (property_id) WHERE is_default');
    await queryRunner.query(`
      CREATE TABLE rate_plan_price (
        rate_plan_id uuid NOT NULL REFERENCES rate_plan(id),
        room_type_id uuid NOT NULL REFERENCES room_type(id),
        nightly_minor bigint NOT NULL CHECK (nightly_minor >= 0),
        PRIMARY KEY (rate_plan_id, room_type_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE rate_plan_override (
        rate_plan_id uuid NOT NULL REFERENCES rate_plan(id),
        room_type_id uuid NOT NULL REFERENCES room_type(id),
        date date NOT NULL,
        nightly_minor bigint NOT NULL CHECK (nightly_minor >= 0),
        PRIMARY KEY (rate_plan_id, room_type_id, date)
      )`);
    await queryRunner.query(`
      CREATE TABLE group_block (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        property_id uuid NOT NULL REFERENCES property(id),
        code text NOT NULL,
        name text NOT NULL,
        room_type_id uuid NOT NULL REFERENCES room_type(id),
        rate_plan_id uuid REFERENCES rate_plan(id),
        cutoff_date date NOT NULL,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'released')),
        released_on date,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (property_id, code)
      )`);
    await queryRunner.query(`
      CREATE TABLE group_block_night (
        group_block_id uuid NOT NULL REFERENCES group_block(id),
        date date NOT NULL,
        rooms integer NOT NULL CHECK (rooms >= 0),
        picked_up integer NOT NULL DEFAULT 0 CHECK (picked_up >= 0),
        released integer NOT NULL DEFAULT 0 CHECK (released >= 0),
        PRIMARY KEY (group_block_id, date),
        CHECK (picked_up + released <= rooms)
      )`);
    await queryRunner.query(`
      CREATE TABLE inventory_night (
        property_id uuid NOT NULL REFERENCES property(id),
        room_type_id uuid NOT NULL REFERENCES room_type(id),
        date date NOT NULL,
        booked integer NOT NULL DEFAULT 0 CHECK (booked >= 0),
        blocked integer NOT NULL DEFAULT 0 CHECK (blocked >= 0),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (room_type_id, date)
      )`);
    await queryRunner.query('CREATE INDEX inventory_night_property_date ON inventory_night (property_id, date)');
    await queryRunner.query(`
      ALTER TABLE reservation
        ADD COLUMN guest_id uuid,
        ADD COLUMN room_id uuid REFERENCES room(id),
        ADD COLUMN group_block_id uuid REFERENCES group_block(id),
        ADD COLUMN rate_plan_id uuid REFERENCES rate_plan(id),
        ADD COLUMN checked_in_at timestamptz,
        ADD COLUMN checked_out_at timestamptz,
        ADD COLUMN cancelled_at timestamptz,
        ADD COLUMN cancel_reason text,
        ADD COLUMN cancelled_by text,
        ADD COLUMN no_show_on date,
        ADD COLUMN created_by text,
        ADD COLUMN version integer NOT NULL DEFAULT 1`);
    await queryRunner.query('CREATE INDEX reservation_property_departure ON reservation (property_id, departure)');
    await queryRunner.query('CREATE INDEX reservation_property_status ON reservation (property_id, status)');
    await queryRunner.query(
      'CREATE INDEX reservation_property_last_name ON reservation (property_id, lower(guest_last_name))',
    );
    await queryRunner.query('CREATE INDEX reservation_guest ON reservation (guest_id) WHERE guest_id IS NOT NULL');
    await queryRunner.query(`
      CREATE TABLE night_audit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        property_id uuid NOT NULL REFERENCES property(id),
        business_date date NOT NULL,
        next_business_date date NOT NULL,
        report jsonb NOT NULL,
        run_by text NOT NULL,
        completed_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (property_id, business_date)
      )`);
    await queryRunner.query(`
      CREATE TABLE room_night_posting (
        reservation_id uuid NOT NULL REFERENCES reservation(id),
        business_date date NOT NULL,
        night_audit_id uuid NOT NULL REFERENCES night_audit(id),
        room_id uuid NOT NULL REFERENCES room(id),
        amount_minor bigint NOT NULL,
        PRIMARY KEY (reservation_id, business_date)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE room_night_posting');
    await queryRunner.query('DROP TABLE night_audit');
    await queryRunner.query(`
      ALTER TABLE reservation
        DROP COLUMN guest_id, DROP COLUMN room_id, DROP COLUMN group_block_id, DROP COLUMN rate_plan_id,
        DROP COLUMN checked_in_at, DROP COLUMN checked_out_at, DROP COLUMN cancelled_at, DROP COLUMN cancel_reason,
        DROP COLUMN cancelled_by, DROP COLUMN no_show_on, DROP COLUMN created_by, DROP COLUMN version`);
    await queryRunner.query('DROP TABLE inventory_night');
    await queryRunner.query('DROP TABLE group_block_night');
    await queryRunner.query('DROP TABLE group_block');
    await queryRunner.query('DROP TABLE rate_plan_override');
    await queryRunner.query('DROP TABLE rate_plan_price');
    await queryRunner.query('DROP TABLE rate_plan');
    await queryRunner.query('DROP TABLE room');
    await queryRunner.query('ALTER TABLE room_type DROP COLUMN overbooking_allowance');
    await queryRunner.query('ALTER TABLE property DROP COLUMN no_show_grace_days, DROP COLUMN updated_at');
  }
}
