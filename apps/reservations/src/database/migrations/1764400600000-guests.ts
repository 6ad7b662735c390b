import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Guest profiles. `scope` is the property id of a per-property profile, or '*' for a chain-wide one; an email
 * identifies at most one profile per scope (the database guarantees it, so two bookings racing for a new guest
 * share one profile). `guest_audit` keeps who changed a VIP level or notes, when, from what to what and why, and
 * every erasure.
 */
export class Guests1764400600000 implements MigrationInterface {
  name = 'Guests1764400600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE guest (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        scope text NOT NULL,
        first_name text NOT NULL,
        last_name text NOT NULL,
        email text CHECK (email = lower(email)),
        phone text,
        language text,
        vip_level text NOT NULL DEFAULT 'none' CHECK (vip_level IN ('none', 'vip', 'vvip')),
        vip_notes text,
        preferences jsonb NOT NULL DEFAULT '[]'::jsonb,
        erased_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE UNIQUE INDEX guest_scope_email ON guest (scope, email) WHERE email IS NOT NULL');
    await queryRunner.query('CREATE INDEX guest_scope_last_name ON guest (scope, lower(last_name))');
    await queryRunner.query(`
      CREATE TABLE guest_audit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        guest_id uuid NOT NULL REFERENCES guest(id),
        property_id uuid NOT NULL,
        actor text NOT NULL,
        action text NOT NULL,
        field text,
        old_value text,
        new_value text,
        reason text,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX guest_audit_guest ON guest_audit (guest_id, at)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE guest_audit');
    await queryRunner.query('DROP TABLE guest');
  }
}
