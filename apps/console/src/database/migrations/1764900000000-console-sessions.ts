import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Server-side sessions of the console, and sign-ins in progress. A session is found by the SHA-256 of the id in the
 * browser's cookie (a stolen database reveals no usable cookie); its tokens are sealed with CONSOLE_SESSION_KEY.
 */
export class ConsoleSessions1764900000000 implements MigrationInterface {
  name = 'ConsoleSessions1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE console_session (
        id_hash bytea PRIMARY KEY,
        subject text NOT NULL,
        user_claims jsonb NOT NULL,
        tokens_sealed text NOT NULL,
        access_expires_at timestamptz NOT NULL,
        csrf_token text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX console_session_expiry ON console_session (expires_at)');
    await queryRunner.query('CREATE INDEX console_session_last_seen ON console_session (last_seen_at)');
    await queryRunner.query(`
      CREATE TABLE console_pending_login (
        state_hash bytea PRIMARY KEY,
        checks_sealed text NOT NULL,
        return_to text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX console_pending_login_expiry ON console_pending_login (expires_at)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE console_pending_login');
    await queryRunner.query('DROP TABLE console_session');
  }
}
