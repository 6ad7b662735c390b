import { MigrationInterface, QueryRunner } from 'typeorm';

/** The message log keeps why a language was used: the guest's own, the property fallback, or any available. */
export class MessageLanguageSource1764400901000 implements MigrationInterface {
  name = 'MessageLanguageSource1764400901000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE message_log ADD COLUMN language_source text NOT NULL DEFAULT 'guest'
        CHECK (language_source IN ('guest', 'property_fallback', 'any_available'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE message_log DROP COLUMN language_source');
  }
}
