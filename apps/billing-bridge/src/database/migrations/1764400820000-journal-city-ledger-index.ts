import { MigrationInterface, QueryRunner } from 'typeorm';

/** The finance API reads a company's city-ledger lines by sub-ledger account. */
export class JournalCityLedgerIndex1764400820000 implements MigrationInterface {
  name = 'JournalCityLedgerIndex1764400820000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX journal_line_sub_ledger ON journal_line (account_role, aux_account) WHERE aux_account IS NOT NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX journal_line_sub_ledger');
  }
}
