import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The concierge's own tables: read models fed by reservations and staffing events (stays, employees, property),
 * per-property settings, requests with their history and escalation marker, luggage with its chain of custody,
 * complaints and compensations, recommendations, bookings, group events, message templates and the message log,
 * and versioned desk procedures. Once-only guarantees live here: a request escalates when `escalated_at` is still
 * NULL (conditional UPDATE), a compensation is granted when its status is still 'proposed', one system task per
 * (reservation, kind).
 */
export class ConciergeCore1764400900000 implements MigrationInterface {
  name = 'ConciergeCore1764400900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE concierge_settings (
        property_id uuid PRIMARY KEY,
        property_name text,
        timezone text NOT NULL DEFAULT 'UTC',
        has_porters boolean,
        fallback_language text NOT NULL DEFAULT 'en',
        sla_minutes jsonb NOT NULL DEFAULT '{}'::jsonb,
        updated_by text,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE stay_guest (
        reservation_id uuid PRIMARY KEY,
        property_id uuid NOT NULL,
        confirmation_number text,
        guest_id uuid,
        first_name text NOT NULL,
        last_name text NOT NULL,
        language text,
        vip_level text NOT NULL DEFAULT 'none' CHECK (vip_level IN ('none', 'vip', 'vvip')),
        status text NOT NULL CHECK (status IN ('expected', 'in_house', 'departed', 'cancelled')),
        room_number text,
        arrival date,
        departure date,
        group_block_id uuid,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX stay_guest_property_status ON stay_guest (property_id, status)');
    await queryRunner.query('CREATE INDEX stay_guest_guest ON stay_guest (guest_id) WHERE guest_id IS NOT NULL');
    await queryRunner.query(`
      CREATE TABLE employee (
        property_id uuid NOT NULL,
        employee_id text NOT NULL,
        name text NOT NULL,
        roles text[] NOT NULL,
        languages text[] NOT NULL DEFAULT '{}',
        active boolean NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (property_id, employee_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE guest_request (
        id uuid PRIMARY KEY,
        property_id uuid NOT NULL,
        category text NOT NULL CHECK (category IN
          ('information', 'local_booking', 'amenity', 'luggage', 'wake_up', 'maintenance', 'complaint')),
        kind text,
        description text NOT NULL,
        reservation_id uuid,
        room_number text,
        guest_name text,
        vip_level text NOT NULL DEFAULT 'none',
        priority text NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
        role text NOT NULL CHECK (role IN ('front_desk', 'concierge', 'porter', 'front_office_manager')),
        status text NOT NULL CHECK (status IN ('open', 'assigned', 'in_progress', 'done', 'cancelled', 'deferred')),
        assignee_id text,
        due_at timestamptz NOT NULL,
        deferred_until timestamptz,
        escalated_at timestamptz,
        escalation_reason text,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (status NOT IN ('assigned', 'in_progress') OR assignee_id IS NOT NULL)
      )`);
    await queryRunner.query(
      'CREATE UNIQUE INDEX guest_request_one_system_task ON guest_request (reservation_id, kind) WHERE kind IS NOT NULL',
    );
    await queryRunner.query('CREATE INDEX guest_request_property_status ON guest_request (property_id, status)');
    await queryRunner.query(
      `CREATE INDEX guest_request_escalation_due ON guest_request (due_at)
         WHERE escalated_at IS NULL AND status IN ('open', 'assigned', 'in_progress')`,
    );
    await queryRunner.query(`
      CREATE TABLE request_history (
        id bigserial PRIMARY KEY,
        request_id uuid NOT NULL REFERENCES guest_request(id),
        action text NOT NULL,
        from_status text,
        to_status text NOT NULL,
        actor text NOT NULL,
        note text,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX request_history_request ON request_history (request_id, id)');
    await queryRunner.query(`
      CREATE TABLE luggage_item (
        id uuid PRIMARY KEY,
        property_id uuid NOT NULL,
        tag_number text NOT NULL,
        reservation_id uuid,
        guest_name text,
        room_number text,
        pieces smallint NOT NULL CHECK (pieces > 0),
        description text,
        location text NOT NULL,
        status text NOT NULL CHECK (status IN ('stored', 'returned')),
        created_at timestamptz NOT NULL DEFAULT now(),
        returned_at timestamptz
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX luggage_tag_in_use ON luggage_item (property_id, tag_number) WHERE status = 'stored'`,
    );
    await queryRunner.query('CREATE INDEX luggage_reservation ON luggage_item (reservation_id)');
    await queryRunner.query(`
      CREATE TABLE luggage_custody (
        id bigserial PRIMARY KEY,
        luggage_id uuid NOT NULL REFERENCES luggage_item(id),
        action text NOT NULL,
        location text NOT NULL,
        room_number text,
        actor text NOT NULL,
        note text,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX luggage_custody_item ON luggage_custody (luggage_id, id)');
    await queryRunner.query(`
      CREATE TABLE complaint (
        id uuid PRIMARY KEY,
        property_id uuid NOT NULL,
        request_id uuid NOT NULL REFERENCES guest_request(id),
        category text NOT NULL,
        reservation_id uuid,
        room_number text,
        what_went_wrong text NOT NULL,
        guest_words text NOT NULL,
        resolution text,
        status text NOT NULL CHECK (status IN ('open', 'resolved')),
        logged_by text NOT NULL,
        logged_at timestamptz NOT NULL DEFAULT now(),
        resolved_by text,
        resolved_at timestamptz
      )`);
    await queryRunner.query('CREATE INDEX complaint_property_logged ON complaint (property_id, logged_at)');
    await queryRunner.query(`
      CREATE TABLE compensation (
        id uuid PRIMARY KEY,
        complaint_id uuid NOT NULL UNIQUE REFERENCES complaint(id),
        property_id uuid NOT NULL,
        reservation_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('allowance', 'free_service')),
        amount_minor bigint NOT NULL CHECK (amount_minor > 0),
        currency char(3) NOT NULL,
        description text NOT NULL,
        status text NOT NULL CHECK (status IN ('proposed', 'approved', 'rejected')),
        proposed_by text NOT NULL,
        proposed_at timestamptz NOT NULL DEFAULT now(),
        decided_by text,
        decided_at timestamptz,
        decision_note text
      )`);
    await queryRunner.query(`
      CREATE TABLE recommendation (
        id uuid PRIMARY KEY,
        property_id uuid NOT NULL,
        name text NOT NULL,
        category text NOT NULL,
        description text,
        tags text[] NOT NULL DEFAULT '{}',
        languages text[] NOT NULL DEFAULT '{}',
        address text NOT NULL,
        opening_hours jsonb NOT NULL DEFAULT '[]'::jsonb,
        phone text,
        website text,
        price_level smallint,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX recommendation_property ON recommendation (property_id, category)');
    await queryRunner.query(`
      CREATE TABLE guest_booking (
        id uuid PRIMARY KEY,
        property_id uuid NOT NULL,
        reservation_id uuid NOT NULL,
        request_id uuid REFERENCES guest_request(id),
        recommendation_id uuid REFERENCES recommendation(id),
        description text NOT NULL,
        booked_for timestamptz NOT NULL,
        party_size smallint NOT NULL,
        charge_type text,
        price_minor bigint CHECK (price_minor IS NULL OR price_minor > 0),
        currency char(3),
        status text NOT NULL CHECK (status IN ('booked', 'cancelled')),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX guest_booking_reservation ON guest_booking (property_id, reservation_id)');
    await queryRunner.query(`
      CREATE TABLE group_event (
        id uuid PRIMARY KEY,
        property_id uuid NOT NULL,
        name text NOT NULL,
        date date NOT NULL,
        start_time text NOT NULL,
        end_time text,
        venue text NOT NULL,
        headcount integer NOT NULL CHECK (headcount > 0),
        group_block_id uuid,
        reservation_ids uuid[] NOT NULL DEFAULT '{}',
        notes text,
        status text NOT NULL CHECK (status IN ('planned', 'confirmed', 'in_progress', 'completed', 'cancelled')),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX group_event_property_date ON group_event (property_id, date)');
    await queryRunner.query(`
      CREATE TABLE group_event_task (
        id uuid PRIMARY KEY,
        event_id uuid NOT NULL REFERENCES group_event(id),
        title text NOT NULL,
        owner_id text NOT NULL,
        due_at timestamptz NOT NULL,
        done_at timestamptz,
        done_by text
      )`);
    await queryRunner.query(`
      CREATE TABLE group_event_timeline (
        id bigserial PRIMARY KEY,
        event_id uuid NOT NULL REFERENCES group_event(id),
        entry text NOT NULL,
        actor text NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE message_template (
        id uuid PRIMARY KEY,
        property_id uuid NOT NULL,
        purpose text NOT NULL,
        language text NOT NULL,
        subject text NOT NULL,
        body text NOT NULL,
        version integer NOT NULL DEFAULT 1,
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (property_id, purpose, language)
      )`);
    await queryRunner.query(`
      CREATE TABLE message_log (
        id uuid PRIMARY KEY,
        property_id uuid NOT NULL,
        template_id uuid NOT NULL REFERENCES message_template(id),
        template_version integer NOT NULL,
        purpose text NOT NULL,
        language text NOT NULL,
        fallback_used boolean NOT NULL,
        reservation_id uuid,
        recipient text NOT NULL,
        channel text NOT NULL,
        subject text NOT NULL,
        body text NOT NULL,
        sent_by text NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX message_log_property ON message_log (property_id, sent_at)');
    await queryRunner.query(`
      CREATE TABLE desk_procedure (
        property_id uuid NOT NULL,
        code text NOT NULL,
        version integer NOT NULL CHECK (version > 0),
        title text NOT NULL,
        body text NOT NULL,
        edited_by text NOT NULL,
        edited_at timestamptz NOT NULL DEFAULT now(),
        change_note text,
        PRIMARY KEY (property_id, code, version)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'desk_procedure',
      'message_log',
      'message_template',
      'group_event_timeline',
      'group_event_task',
      'group_event',
      'guest_booking',
      'recommendation',
      'compensation',
      'complaint',
      'luggage_custody',
      'luggage_item',
      'request_history',
      'guest_request',
      'employee',
      'stay_guest',
      'concierge_settings',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
