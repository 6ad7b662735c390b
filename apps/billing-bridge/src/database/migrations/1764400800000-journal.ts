import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The general-ledger journal: one entry per financial fact (unique per source and kind, so a replay records nothing
 * twice), its balanced lines, the per-property chart of accounts and SIREN, and the batches business dates close
 * into (with the night-audit figures of the flash report). Entry numbers per journal are given at close, gap-free.
 */
export class Journal1764400800000 implements MigrationInterface {
  name = 'Journal1764400800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE journal_settings (
        property_id uuid PRIMARY KEY,
        siren char(9) CHECK (siren ~ '^[0-9]{9}$'),
        company_name text,
        accounts jsonb NOT NULL DEFAULT '{}',
        journals jsonb NOT NULL DEFAULT '{}',
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE journal_batch (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        property_id uuid NOT NULL,
        business_date date NOT NULL,
        currency char(3) NOT NULL,
        debit_minor bigint NOT NULL CHECK (debit_minor >= 0),
        credit_minor bigint NOT NULL CHECK (credit_minor >= 0),
        entry_count integer NOT NULL,
        line_count integer NOT NULL,
        figures jsonb NOT NULL,
        closed_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT journal_batch_one_per_date UNIQUE (property_id, business_date),
        CONSTRAINT journal_batch_balanced CHECK (debit_minor = credit_minor)
      )`);
    await queryRunner.query(`
      CREATE TABLE journal_entry (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY,
        property_id uuid NOT NULL,
        business_date date NOT NULL,
        kind text NOT NULL CHECK (kind IN ('charge', 'allowance', 'payment', 'refund', 'deposit_received',
          'deposit_applied', 'city_ledger_transfer', 'cash_variance')),
        source_id text NOT NULL,
        journal_code text NOT NULL,
        journal_label text NOT NULL,
        entry_number integer,
        currency char(3) NOT NULL,
        label text NOT NULL,
        folio_id uuid,
        fact jsonb NOT NULL,
        batch_id uuid REFERENCES journal_batch (id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT journal_entry_once_per_source UNIQUE (source_id, kind),
        CONSTRAINT journal_entry_number_unique UNIQUE (property_id, journal_code, entry_number)
      )`);
    await queryRunner.query(
      'CREATE INDEX journal_entry_unbatched ON journal_entry (property_id, business_date) WHERE batch_id IS NULL',
    );
    await queryRunner.query('CREATE INDEX journal_entry_property_date ON journal_entry (property_id, business_date)');
    await queryRunner.query('CREATE INDEX journal_entry_batch ON journal_entry (batch_id)');
    await queryRunner.query(`
      CREATE TABLE journal_line (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        entry_id uuid NOT NULL REFERENCES journal_entry (id),
        line_no smallint NOT NULL,
        property_id uuid NOT NULL,
        business_date date NOT NULL,
        account_role text NOT NULL,
        account text NOT NULL,
        account_label text NOT NULL,
        aux_account text,
        aux_label text,
        debit_minor bigint NOT NULL CHECK (debit_minor >= 0),
        credit_minor bigint NOT NULL CHECK (credit_minor >= 0),
        currency char(3) NOT NULL,
        label text NOT NULL,
        CONSTRAINT journal_line_one_side CHECK ((debit_minor = 0) <> (credit_minor = 0)),
        CONSTRAINT journal_line_position UNIQUE (entry_id, line_no)
      )`);
    await queryRunner.query('CREATE INDEX journal_line_property_date ON journal_line (property_id, business_date)');
    await queryRunner.query(`
      CREATE TABLE journal_sequence (
        property_id uuid NOT NULL,
        journal_code text NOT NULL,
        last_number integer NOT NULL DEFAULT 0,
        PRIMARY KEY (property_id, journal_code)
      )`);
    // Belt and braces: an entry whose lines do not balance cannot commit, whatever code wrote it.
    await queryRunner.query(`
      CREATE FUNCTION journal_entry_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        unbalanced record;
      BEGIN
        SELECT entry_id, sum(debit_minor) AS debit, sum(credit_minor) AS credit INTO unbalanced
          FROM journal_line WHERE entry_id = NEW.entry_id GROUP BY entry_id
          HAVING sum(debit_minor) <> sum(credit_minor);
        IF FOUND THEN
          RAISE EXCEPTION 'journal entry % does not balance: debit % credit %',
            unbalanced.entry_id, unbalanced.debit, unbalanced.credit USING ERRCODE = 'check_violation';
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE CONSTRAINT TRIGGER journal_line_entry_balanced AFTER INSERT OR UPDATE ON journal_line
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION journal_entry_balanced()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE journal_sequence');
    await queryRunner.query('DROP TABLE journal_line');
    await queryRunner.query('DROP FUNCTION journal_entry_balanced');
    await queryRunner.query('DROP TABLE journal_entry');
    await queryRunner.query('DROP TABLE journal_batch');
    await queryRunner.query('DROP TABLE journal_settings');
  }
}
