import { MigrationInterface, QueryRunner } from 'typeorm';

export class ReservationsInitial1764400100000 implements MigrationInterface {
  name = 'ReservationsInitial1764400100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE property (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        timezone text NOT NULL,
        currency char(3) NOT NULL,
        country char(2) NOT NULL,
        star_rating smallint CHECK (star_rating BETWEEN 1 AND 5),
        desk_hours jsonb,
        business_date date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE room_type (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        property_id uuid NOT NULL REFERENCES property(id),
        code text NOT NULL,
        name text NOT NULL,
        max_occupancy smallint NOT NULL CHECK (max_occupancy > 0),
        base_rate_minor bigint NOT NULL CHECK (base_rate_minor >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (property_id, code)
      )`);
    await queryRunner.query(`
      CREATE TABLE reservation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        property_id uuid NOT NULL REFERENCES property(id),
        confirmation_number text NOT NULL,
        status text NOT NULL CHECK (status IN ('confirmed', 'checked_in', 'checked_out', 'cancelled', 'no_show')),
        room_type_id uuid NOT NULL REFERENCES room_type(id),
        arrival date NOT NULL,
        departure date NOT NULL,
        adults smallint NOT NULL CHECK (adults > 0),
        children smallint NOT NULL DEFAULT 0 CHECK (children >= 0),
        guest_first_name text NOT NULL,
        guest_last_name text NOT NULL,
        guest_email text,
        guest_phone text,
        guest_language text,
        guest_vip_level text NOT NULL DEFAULT 'none' CHECK (guest_vip_level IN ('none', 'vip', 'vvip')),
        source text,
        notes text,
        currency char(3) NOT NULL,
        total_price_minor bigint NOT NULL CHECK (total_price_minor >= 0),
        nights jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (departure > arrival),
        UNIQUE (property_id, confirmation_number)
      )`);
    await queryRunner.query('CREATE INDEX reservation_property_arrival ON reservation (property_id, arrival)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE reservation');
    await queryRunner.query('DROP TABLE room_type');
    await queryRunner.query('DROP TABLE property');
  }
}
