import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhook subscriptions and their delivery queue. A lane is one (subscription, property) pair: its deliveries go
 * out one at a time in id order, and the lane row is what workers claim (SKIP LOCKED) and lease.
 */
export class Webhooks1764800000000 implements MigrationInterface {
  name = 'Webhooks1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE webhook_subscription (
        id uuid PRIMARY KEY,
        property_id uuid,
        url text NOT NULL,
        description text,
        event_types text[] NOT NULL CHECK (cardinality(event_types) > 0),
        include_personal_data boolean NOT NULL DEFAULT false,
        status text NOT NULL CHECK (status IN ('active', 'paused')),
        paused_reason text,
        paused_at timestamptz,
        max_in_flight integer NOT NULL CHECK (max_in_flight > 0),
        consecutive_failures integer NOT NULL DEFAULT 0,
        secret_ciphertext text NOT NULL,
        previous_secret_ciphertext text,
        previous_secret_expires_at timestamptz,
        secret_rotated_at timestamptz,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX webhook_subscription_property ON webhook_subscription (property_id, id)');
    await queryRunner.query(`
      CREATE TABLE webhook_event (
        id uuid PRIMARY KEY,
        type text NOT NULL,
        property_id uuid NOT NULL,
        occurred_at timestamptz NOT NULL,
        envelope jsonb NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE webhook_lane (
        subscription_id uuid NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
        property_id uuid NOT NULL,
        next_attempt_at timestamptz,
        lease_until timestamptz,
        PRIMARY KEY (subscription_id, property_id)
      )`);
    await queryRunner.query(
      'CREATE INDEX webhook_lane_due ON webhook_lane (next_attempt_at) WHERE next_attempt_at IS NOT NULL',
    );
    await queryRunner.query(`
      CREATE TABLE webhook_delivery (
        id bigserial PRIMARY KEY,
        subscription_id uuid NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
        property_id uuid NOT NULL,
        event_id uuid NOT NULL REFERENCES webhook_event (id),
        event_type text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered')),
        redelivery boolean NOT NULL DEFAULT false,
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        last_status_code integer,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz
      )`);
    await queryRunner.query(
      `CREATE INDEX webhook_delivery_lane_pending ON webhook_delivery (subscription_id, property_id, id)
         WHERE status = 'pending'`,
    );
    await queryRunner.query('CREATE INDEX webhook_delivery_subscription ON webhook_delivery (subscription_id, id)');
    await queryRunner.query('CREATE INDEX webhook_delivery_event ON webhook_delivery (event_id)');
    await queryRunner.query(`
      CREATE TABLE webhook_delivery_attempt (
        id bigserial PRIMARY KEY,
        delivery_id bigint NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
        attempt integer NOT NULL,
        started_at timestamptz NOT NULL,
        duration_ms integer NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('delivered', 'failed')),
        status_code integer,
        error text,
        response_excerpt text
      )`);
    await queryRunner.query(
      'CREATE INDEX webhook_delivery_attempt_delivery ON webhook_delivery_attempt (delivery_id, id)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE webhook_delivery_attempt');
    await queryRunner.query('DROP TABLE webhook_delivery');
    await queryRunner.query('DROP TABLE webhook_lane');
    await queryRunner.query('DROP TABLE webhook_event');
    await queryRunner.query('DROP TABLE webhook_subscription');
  }
}
