import { MigrationInterface, QueryRunner } from 'typeorm';

/** Employees, the reservation forecast, staffing rules, schedules, repairs, coverage gaps and the audit trail. */
export class StaffingCore1764401000000 implements MigrationInterface {
  name = 'StaffingCore1764401000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE staffed_property
        ADD COLUMN room_count integer,
        ADD COLUMN desk_hours jsonb`);
    await queryRunner.query(`
      CREATE TABLE employee (
        property_id uuid NOT NULL,
        id text NOT NULL,
        name text NOT NULL,
        roles text[] NOT NULL,
        skills text[] NOT NULL DEFAULT '{}',
        languages text[] NOT NULL DEFAULT '{}',
        contract_hours_per_week double precision NOT NULL CHECK (contract_hours_per_week >= 0),
        max_hours_per_week double precision NOT NULL CHECK (max_hours_per_week >= contract_hours_per_week),
        max_consecutive_days smallint,
        unavailable jsonb NOT NULL DEFAULT '[]',
        preferences jsonb NOT NULL DEFAULT '[]',
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (property_id, id)
      )`);
    await queryRunner.query(`
      CREATE TABLE employee_absence (
        id uuid PRIMARY KEY,
        property_id uuid NOT NULL,
        employee_id text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('holiday', 'sick', 'other')),
        from_date date NOT NULL,
        to_date date NOT NULL CHECK (to_date >= from_date),
        note text,
        recorded_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (property_id, employee_id) REFERENCES employee (property_id, id)
      )`);
    await queryRunner.query(
      'CREATE INDEX employee_absence_by_employee ON employee_absence (property_id, employee_id, from_date)',
    );
    await queryRunner.query(`
      CREATE TABLE staffing_rules (
        property_id uuid PRIMARY KEY,
        rules jsonb NOT NULL,
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE forecast_reservation (
        reservation_id uuid PRIMARY KEY,
        property_id uuid NOT NULL,
        arrival date NOT NULL,
        departure date NOT NULL,
        status text NOT NULL,
        vip_level text NOT NULL DEFAULT 'none',
        language text,
        group_block_id uuid,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX forecast_by_arrival ON forecast_reservation (property_id, arrival)');
    await queryRunner.query('CREATE INDEX forecast_by_departure ON forecast_reservation (property_id, departure)');
    await queryRunner.query(`
      CREATE TABLE schedule (
        id uuid PRIMARY KEY,
        property_id uuid NOT NULL,
        week_start date NOT NULL,
        days smallint NOT NULL,
        status text NOT NULL CHECK (status IN ('draft', 'published')),
        demand jsonb NOT NULL,
        unfilled jsonb NOT NULL,
        violations jsonb NOT NULL,
        solver jsonb NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        published_by text
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX one_published_schedule_per_week ON schedule (property_id, week_start) WHERE status = 'published'`,
    );
    await queryRunner.query(`
      CREATE TABLE schedule_assignment (
        schedule_id uuid NOT NULL REFERENCES schedule (id) ON DELETE CASCADE,
        employee_id text NOT NULL,
        role text NOT NULL,
        date date NOT NULL,
        shift text NOT NULL,
        start_at timestamptz NOT NULL,
        end_at timestamptz NOT NULL,
        PRIMARY KEY (schedule_id, employee_id, date, shift)
      )`);
    await queryRunner.query('CREATE INDEX assignment_by_employee ON schedule_assignment (employee_id, date)');
    await queryRunner.query(`
      CREATE TABLE schedule_repair (
        id uuid PRIMARY KEY,
        schedule_id uuid NOT NULL REFERENCES schedule (id) ON DELETE CASCADE,
        absence_id uuid NOT NULL REFERENCES employee_absence (id),
        status text NOT NULL CHECK (status IN ('proposed', 'applied')),
        removed jsonb NOT NULL,
        added jsonb NOT NULL,
        unfilled jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        applied_at timestamptz,
        applied_by text
      )`);
    await queryRunner.query(`
      CREATE TABLE coverage_gap (
        id uuid PRIMARY KEY,
        schedule_id uuid NOT NULL REFERENCES schedule (id) ON DELETE CASCADE,
        date date NOT NULL,
        shift text NOT NULL,
        role text NOT NULL,
        required integer NOT NULL,
        scheduled integer NOT NULL,
        detected_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (schedule_id, date, shift, role)
      )`);
    await queryRunner.query(`
      CREATE TABLE staffing_audit (
        id bigserial PRIMARY KEY,
        property_id uuid NOT NULL,
        actor text NOT NULL,
        action text NOT NULL,
        subject text NOT NULL,
        details jsonb NOT NULL DEFAULT '{}',
        at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'staffing_audit',
      'coverage_gap',
      'schedule_repair',
      'schedule_assignment',
      'schedule',
      'forecast_reservation',
      'staffing_rules',
      'employee_absence',
      'employee',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
    await queryRunner.query('ALTER TABLE staffed_property DROP COLUMN room_count, DROP COLUMN desk_hours');
  }
}
