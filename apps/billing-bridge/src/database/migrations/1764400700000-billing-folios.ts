import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The folio side of billing: a local picture of properties (currency, business date, refund threshold, till policy),
 * tax settings, folio windows with routing by charge type, postings, payments and advance deposits, refunds, tills,
 * city-ledger accounts, invoices with a gapless per-property counter, and an audit trail of sensitive actions.
 * Every "at most once" and "never more than" rule is a constraint here, not a hope in the application.
 */
export class BillingFolios1764400700000 implements MigrationInterface {
  name = 'BillingFolios1764400700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE billing_property (
        property_id uuid PRIMARY KEY,
        code text NOT NULL,
        name text NOT NULL,
        currency char(3) NOT NULL,
        timezone text NOT NULL,
        country char(2) NOT NULL,
        business_date date NOT NULL,
        refund_approval_threshold_minor bigint NOT NULL DEFAULT 20000 CHECK (refund_approval_threshold_minor >= 0),
        till_policy text NOT NULL DEFAULT 'auto_close' CHECK (till_policy IN ('auto_close', 'leave_open')),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE tax_settings (
        property_id uuid PRIMARY KEY,
        vat_rates jsonb NOT NULL,
        city_tax_per_person_night_minor bigint NOT NULL CHECK (city_tax_per_person_night_minor >= 0),
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE city_ledger_account (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        property_id uuid NOT NULL,
        code text NOT NULL,
        name text NOT NULL,
        vat_number text,
        billing_address text,
        currency char(3) NOT NULL,
        credit_limit_minor bigint CHECK (credit_limit_minor >= 0),
        active boolean NOT NULL DEFAULT true,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT city_ledger_account_code UNIQUE (property_id, code)
      )`);

    await queryRunner.query('ALTER TABLE folio DROP CONSTRAINT IF EXISTS folio_status_check');
    await queryRunner.query(`
      ALTER TABLE folio
        ADD COLUMN window_number smallint NOT NULL DEFAULT 1 CHECK (window_number >= 1),
        ADD COLUMN label text,
        ADD COLUMN city_ledger_account_id uuid REFERENCES city_ledger_account (id),
        ADD COLUMN checked_in_at timestamptz,
        ADD COLUMN checked_out_at timestamptz,
        ADD COLUMN settled_at timestamptz,
        ADD CONSTRAINT folio_status_check CHECK (status IN ('open', 'due', 'settled', 'closed')),
        ADD CONSTRAINT folio_window UNIQUE (reservation_id, window_number)`);
    await queryRunner.query(`
      CREATE TABLE folio_routing_rule (
        reservation_id uuid NOT NULL,
        charge_type text NOT NULL,
        property_id uuid NOT NULL,
        folio_id uuid NOT NULL REFERENCES folio (id),
        PRIMARY KEY (reservation_id, charge_type)
      )`);

    await queryRunner.query(`
      CREATE TABLE posting (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY,
        property_id uuid NOT NULL,
        folio_id uuid NOT NULL REFERENCES folio (id),
        reservation_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('charge', 'allowance')),
        charge_type text NOT NULL,
        source text NOT NULL CHECK (source IN ('night_audit', 'concierge', 'desk', 'compensation', 'correction')),
        source_ref text,
        description text NOT NULL,
        reason_code text,
        currency char(3) NOT NULL,
        amount_minor bigint NOT NULL,
        net_minor bigint NOT NULL,
        vat_minor bigint NOT NULL,
        city_tax_minor bigint NOT NULL,
        vat_rate_bp integer NOT NULL CHECK (vat_rate_bp BETWEEN 0 AND 10000),
        business_date date NOT NULL,
        corrects_posting_id uuid REFERENCES posting (id),
        posted_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT posting_adds_up CHECK (amount_minor = net_minor + vat_minor + city_tax_minor),
        CONSTRAINT posting_sign CHECK ((kind = 'charge') = (amount_minor >= 0))
      )`);
    // One posting per source record: a room night per (reservation, date), a concierge charge per chargeId, ...
    await queryRunner.query(
      'CREATE UNIQUE INDEX posting_once_per_source ON posting (source, source_ref) WHERE source_ref IS NOT NULL',
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX posting_one_room_night ON posting (reservation_id, business_date)
       WHERE source = 'night_audit'`,
    );
    await queryRunner.query('CREATE UNIQUE INDEX posting_one_correction ON posting (corrects_posting_id)');
    await queryRunner.query('CREATE INDEX posting_folio ON posting (folio_id, seq)');

    await queryRunner.query(`
      CREATE TABLE cashier_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        property_id uuid NOT NULL,
        agent_id text NOT NULL,
        status text NOT NULL CHECK (status IN ('open', 'closed', 'signed_off')),
        currency char(3) NOT NULL,
        float_minor bigint NOT NULL CHECK (float_minor >= 0),
        business_date date NOT NULL,
        opened_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz,
        closed_by text,
        auto_closed boolean NOT NULL DEFAULT false,
        expected_minor bigint,
        counted_minor bigint CHECK (counted_minor >= 0),
        variance_minor bigint,
        signed_off_by text,
        signed_off_at timestamptz,
        sign_off_note text,
        CONSTRAINT cashier_session_variance CHECK (variance_minor IS NULL OR variance_minor = counted_minor - expected_minor)
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX cashier_session_one_open_per_agent ON cashier_session (agent_id) WHERE status = 'open'`,
    );
    await queryRunner.query('CREATE INDEX cashier_session_property ON cashier_session (property_id, opened_at)');

    await queryRunner.query(`
      CREATE TABLE payment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY,
        property_id uuid NOT NULL,
        folio_id uuid NOT NULL REFERENCES folio (id),
        reservation_id uuid NOT NULL,
        method text NOT NULL CHECK (method IN ('cash', 'card', 'bank_transfer', 'city_ledger')),
        currency char(3) NOT NULL,
        amount_minor bigint NOT NULL CHECK (amount_minor > 0),
        refunded_minor bigint NOT NULL DEFAULT 0 CHECK (refunded_minor >= 0),
        pending_refund_minor bigint NOT NULL DEFAULT 0 CHECK (pending_refund_minor >= 0),
        is_deposit boolean NOT NULL DEFAULT false,
        deposit_status text CHECK (deposit_status IN ('held', 'applied')),
        is_transfer boolean NOT NULL DEFAULT false,
        card_last4 char(4) CHECK (card_last4 ~ '^[0-9]{4}$'),
        processor_ref text,
        city_ledger_account_id uuid REFERENCES city_ledger_account (id),
        cashier_session_id uuid REFERENCES cashier_session (id),
        business_date date NOT NULL,
        recorded_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT payment_never_over_refunded CHECK (refunded_minor + pending_refund_minor <= amount_minor),
        CONSTRAINT payment_card_reference CHECK (method <> 'card' OR (card_last4 IS NOT NULL AND processor_ref IS NOT NULL)),
        CONSTRAINT payment_city_ledger_account CHECK ((method = 'city_ledger') = (city_ledger_account_id IS NOT NULL)),
        CONSTRAINT payment_cash_in_till CHECK ((method = 'cash') = (cashier_session_id IS NOT NULL)),
        CONSTRAINT payment_deposit_status CHECK (is_deposit = (deposit_status IS NOT NULL))
      )`);
    await queryRunner.query('CREATE INDEX payment_folio ON payment (folio_id, seq)');
    await queryRunner.query('CREATE INDEX payment_session ON payment (cashier_session_id)');
    await queryRunner.query('CREATE INDEX payment_city_ledger ON payment (city_ledger_account_id)');

    await queryRunner.query(`
      CREATE TABLE refund (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        property_id uuid NOT NULL,
        payment_id uuid NOT NULL REFERENCES payment (id),
        folio_id uuid NOT NULL REFERENCES folio (id),
        method text NOT NULL,
        currency char(3) NOT NULL,
        amount_minor bigint NOT NULL CHECK (amount_minor > 0),
        reason text NOT NULL,
        status text NOT NULL CHECK (status IN ('pending_approval', 'issued', 'rejected')),
        requested_by text NOT NULL,
        approved_by text,
        decision_note text,
        cashier_session_id uuid REFERENCES cashier_session (id),
        business_date date,
        created_at timestamptz NOT NULL DEFAULT now(),
        decided_at timestamptz,
        issued_at timestamptz,
        CONSTRAINT refund_four_eyes CHECK (approved_by IS NULL OR approved_by <> requested_by),
        CONSTRAINT refund_issued_has_date CHECK (status <> 'issued' OR (issued_at IS NOT NULL AND business_date IS NOT NULL)),
        CONSTRAINT refund_cash_in_till CHECK ((method = 'cash') = (cashier_session_id IS NOT NULL))
      )`);
    await queryRunner.query('CREATE INDEX refund_payment ON refund (payment_id)');
    await queryRunner.query('CREATE INDEX refund_session ON refund (cashier_session_id)');

    await queryRunner.query(`
      CREATE TABLE invoice_counter (
        property_id uuid PRIMARY KEY,
        last_number integer NOT NULL CHECK (last_number >= 0)
      )`);
    await queryRunner.query(`
      CREATE TABLE invoice (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        property_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('invoice', 'credit_note')),
        sequence_number integer NOT NULL CHECK (sequence_number >= 1),
        invoice_number text NOT NULL,
        folio_id uuid NOT NULL REFERENCES folio (id),
        reservation_id uuid NOT NULL,
        corrects_invoice_id uuid REFERENCES invoice (id),
        city_ledger_account_id uuid REFERENCES city_ledger_account (id),
        bill_to text NOT NULL,
        currency char(3) NOT NULL,
        total_minor bigint NOT NULL,
        net_minor bigint NOT NULL,
        vat_minor bigint NOT NULL,
        city_tax_minor bigint NOT NULL,
        lines jsonb NOT NULL,
        vat_breakdown jsonb NOT NULL,
        reason text,
        business_date date NOT NULL,
        issued_by text NOT NULL,
        issued_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT invoice_number_once UNIQUE (property_id, sequence_number),
        CONSTRAINT invoice_adds_up CHECK (total_minor = net_minor + vat_minor + city_tax_minor),
        CONSTRAINT invoice_credit_note_corrects CHECK ((kind = 'credit_note') = (corrects_invoice_id IS NOT NULL))
      )`);
    await queryRunner.query('CREATE UNIQUE INDEX invoice_one_credit_note ON invoice (corrects_invoice_id)');
    await queryRunner.query('CREATE INDEX invoice_folio ON invoice (folio_id)');
    // Issued documents never change: corrections are credit notes.
    await queryRunner.query(`
      CREATE FUNCTION invoice_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'invoices are immutable: issue a credit note instead' USING ERRCODE = 'integrity_constraint_violation';
      END $$`);
    await queryRunner.query(
      'CREATE TRIGGER invoice_immutable BEFORE UPDATE OR DELETE ON invoice FOR EACH ROW EXECUTE FUNCTION invoice_immutable()',
    );
    await queryRunner.query('ALTER TABLE folio ADD COLUMN invoice_id uuid REFERENCES invoice (id)');

    await queryRunner.query(`
      CREATE TABLE billing_audit (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        property_id uuid NOT NULL,
        actor text NOT NULL,
        action text NOT NULL,
        subject_id uuid NOT NULL,
        reason text,
        details jsonb NOT NULL DEFAULT '{}',
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX billing_audit_subject ON billing_audit (subject_id, at)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE billing_audit');
    await queryRunner.query('ALTER TABLE folio DROP COLUMN invoice_id');
    await queryRunner.query('DROP TABLE invoice');
    await queryRunner.query('DROP FUNCTION invoice_immutable');
    await queryRunner.query('DROP TABLE invoice_counter');
    await queryRunner.query('DROP TABLE refund');
    await queryRunner.query('DROP TABLE payment');
    await queryRunner.query('DROP TABLE cashier_session');
    await queryRunner.query('DROP TABLE posting');
    await queryRunner.query('DROP TABLE folio_routing_rule');
    await queryRunner.query(`
      ALTER TABLE folio
        DROP CONSTRAINT folio_window,
        DROP CONSTRAINT folio_status_check,
        DROP COLUMN window_number, DROP COLUMN label, DROP COLUMN city_ledger_account_id,
        DROP COLUMN checked_in_at, DROP COLUMN checked_out_at, DROP COLUMN settled_at`);
    await queryRunner.query(
      `ALTER TABLE folio ADD CONSTRAINT folio_status_check CHECK (status IN ('open', 'settled', 'closed'))`,
    );
    await queryRunner.query('DROP TABLE city_ledger_account');
    await queryRunner.query('DROP TABLE tax_settings');
    await queryRunner.query('DROP TABLE billing_property');
  }
}
