import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Paid-ins and paid-outs: cash that goes in or out of a till without being a folio payment or a refund (change from
 * the safe, a delivery paid at the desk). They change what the till should hold, and the journal books each one
 * against cash, so the journal gains the `cash_movement` kind.
 */
export class CashierCashMovements1764401200000 implements MigrationInterface {
  name = 'CashierCashMovements1764401200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE cashier_movement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cashier_session_id uuid NOT NULL REFERENCES cashier_session (id),
        property_id uuid NOT NULL,
        type text NOT NULL CHECK (type IN ('paid_in', 'paid_out')),
        amount_minor bigint NOT NULL CHECK (amount_minor > 0),
        currency char(3) NOT NULL,
        reason text NOT NULL,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      'CREATE INDEX cashier_movement_session ON cashier_movement (cashier_session_id, recorded_at)',
    );
    await queryRunner.query('ALTER TABLE journal_entry DROP CONSTRAINT journal_entry_kind_check');
    await queryRunner.query(`
      ALTER TABLE journal_entry ADD CONSTRAINT journal_entry_kind_check CHECK (kind IN ('charge', 'allowance',
        'payment', 'refund', 'deposit_received', 'deposit_applied', 'city_ledger_transfer', 'cash_variance',
        'cash_movement'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE journal_entry DROP CONSTRAINT journal_entry_kind_check');
    await queryRunner.query(`
      ALTER TABLE journal_entry ADD CONSTRAINT journal_entry_kind_check CHECK (kind IN ('charge', 'allowance',
        'payment', 'refund', 'deposit_received', 'deposit_applied', 'city_ledger_transfer', 'cash_variance'))`);
    await queryRunner.query('DROP TABLE cashier_movement');
  }
}
