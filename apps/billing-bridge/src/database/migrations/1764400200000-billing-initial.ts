import { MigrationInterface, QueryRunner } from 'typeorm';

export class BillingInitial1764400200000 implements MigrationInterface {
  name = 'BillingInitial1764400200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE folio (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        property_id uuid NOT NULL,
        reservation_id uuid NOT NULL,
        confirmation_number text NOT NULL,
        guest_name text NOT NULL,
        status text NOT NULL CHECK (status IN ('open', 'settled', 'closed')),
        currency char(3) NOT NULL,
        balance_minor bigint NOT NULL DEFAULT 0,
        opened_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX folio_property_reservation ON folio (property_id, reservation_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE folio');
  }
}
