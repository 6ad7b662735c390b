import { MigrationInterface, QueryRunner } from 'typeorm';

/** Who changed a property's chart of accounts or SIREN, when, and the settings before and after. */
export class JournalSettingsAudit1764400810000 implements MigrationInterface {
  name = 'JournalSettingsAudit1764400810000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE journal_settings_audit (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        property_id uuid NOT NULL,
        actor text NOT NULL,
        before jsonb NOT NULL,
        after jsonb NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX journal_settings_audit_property ON journal_settings_audit (property_id, at)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE journal_settings_audit');
  }
}
