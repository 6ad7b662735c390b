import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Channel-manager pushes. Reservations owns channels and their code mappings (it answers their bookings); this
 * service owns where and how to push to each channel (endpoint, push credentials sealed at rest) and the push state.
 * The mapping and the latest availability and price per night arrive as events and are kept here as read models;
 * `change_seq` orders every change so a lane pushes exactly what changed since its last success, coalesced.
 */
export class ChannelPush1764800100000 implements MigrationInterface {
  name = 'ChannelPush1764800100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE channel_endpoint (
        channel_id uuid PRIMARY KEY,
        url text NOT NULL,
        username text,
        password_ciphertext text,
        active boolean NOT NULL DEFAULT true,
        updated_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE channel_mapping (
        channel_id uuid NOT NULL,
        property_id uuid NOT NULL,
        channel_code text NOT NULL,
        hotel_code text NOT NULL,
        room_types jsonb NOT NULL,
        rate_plans jsonb NOT NULL,
        active boolean NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (channel_id, property_id)
      )`);
    await queryRunner.query('CREATE SEQUENCE channel_change_seq');
    await queryRunner.query(`
      CREATE TABLE channel_availability_night (
        room_type_id uuid NOT NULL,
        date date NOT NULL,
        property_id uuid NOT NULL,
        available integer NOT NULL CHECK (available >= 0),
        change_seq bigint NOT NULL,
        PRIMARY KEY (room_type_id, date)
      )`);
    await queryRunner.query(
      'CREATE INDEX channel_availability_night_changes ON channel_availability_night (property_id, change_seq)',
    );
    await queryRunner.query(`
      CREATE TABLE channel_rate_night (
        room_type_id uuid NOT NULL,
        rate_plan_id uuid NOT NULL,
        date date NOT NULL,
        property_id uuid NOT NULL,
        amount_minor bigint NOT NULL,
        currency text NOT NULL,
        change_seq bigint NOT NULL,
        PRIMARY KEY (room_type_id, rate_plan_id, date)
      )`);
    await queryRunner.query('CREATE INDEX channel_rate_night_changes ON channel_rate_night (property_id, change_seq)');
    await queryRunner.query(`
      CREATE TABLE channel_push (
        channel_id uuid NOT NULL,
        property_id uuid NOT NULL,
        pushed_seq bigint NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        lease_until timestamptz,
        failures integer NOT NULL DEFAULT 0,
        last_attempt_at timestamptz,
        last_status integer,
        last_error text,
        last_success_at timestamptz,
        PRIMARY KEY (channel_id, property_id)
      )`);
    await queryRunner.query('CREATE INDEX channel_push_property ON channel_push (property_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE channel_push');
    await queryRunner.query('DROP TABLE channel_rate_night');
    await queryRunner.query('DROP TABLE channel_availability_night');
    await queryRunner.query('DROP SEQUENCE channel_change_seq');
    await queryRunner.query('DROP TABLE channel_mapping');
    await queryRunner.query('DROP TABLE channel_endpoint');
  }
}
