import { MigrationInterface, QueryRunner } from 'typeorm';

/** The property's currency (from property events): charges and compensations must be in it to reach the folio. */
export class PropertyCurrency1764400902000 implements MigrationInterface {
  name = 'PropertyCurrency1764400902000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE concierge_settings ADD COLUMN currency char(3)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE concierge_settings DROP COLUMN currency');
  }
}
