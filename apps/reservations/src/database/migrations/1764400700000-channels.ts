import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Channel managers: their credentials (a SHA-256 of the API key, never the key), how each names the properties it
 * sells (hotel code, room type and rate plan codes), and the bookings it sent, keyed by its own reservation id so a
 * message sent twice books once.
 */
export class Channels1764400700000 implements MigrationInterface {
  name = 'Channels1764400700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE channel (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE CHECK (code ~ '^[A-Za-z0-9_.-]{2,64}$'),
        name text NOT NULL,
        key_hash text NOT NULL,
        previous_key_hash text,
        previous_key_valid_until timestamptz,
        active boolean NOT NULL DEFAULT true,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        key_rotated_at timestamptz
      )`);
    await queryRunner.query(`
      CREATE TABLE channel_property (
        channel_id uuid NOT NULL REFERENCES channel(id),
        property_id uuid NOT NULL REFERENCES property(id),
        hotel_code text NOT NULL,
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (channel_id, property_id),
        UNIQUE (channel_id, hotel_code)
      )`);
    await queryRunner.query('CREATE INDEX channel_property_property ON channel_property (property_id)');
    await queryRunner.query(`
      CREATE TABLE channel_room_type (
        channel_id uuid NOT NULL,
        property_id uuid NOT NULL,
        code text NOT NULL,
        room_type_id uuid NOT NULL REFERENCES room_type(id),
        PRIMARY KEY (channel_id, property_id, code),
        FOREIGN KEY (channel_id, property_id) REFERENCES channel_property (channel_id, property_id) ON DELETE CASCADE
      )`);
    await queryRunner.query(`
      CREATE TABLE channel_rate_plan (
        channel_id uuid NOT NULL,
        property_id uuid NOT NULL,
        code text NOT NULL,
        rate_plan_id uuid NOT NULL REFERENCES rate_plan(id),
        PRIMARY KEY (channel_id, property_id, code),
        FOREIGN KEY (channel_id, property_id) REFERENCES channel_property (channel_id, property_id) ON DELETE CASCADE
      )`);
    await queryRunner.query(`
      CREATE TABLE channel_booking (
        channel_id uuid NOT NULL REFERENCES channel(id),
        property_id uuid NOT NULL REFERENCES property(id),
        channel_reservation_id text NOT NULL,
        reservation_id uuid NOT NULL REFERENCES reservation(id),
        last_action text NOT NULL CHECK (last_action IN ('Commit', 'Modify', 'Cancel')),
        last_digest text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (channel_id, property_id, channel_reservation_id)
      )`);
    await queryRunner.query('CREATE INDEX channel_booking_reservation ON channel_booking (reservation_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE channel_booking');
    await queryRunner.query('DROP TABLE channel_rate_plan');
    await queryRunner.query('DROP TABLE channel_room_type');
    await queryRunner.query('DROP TABLE channel_property');
    await queryRunner.query('DROP TABLE channel');
  }
}
