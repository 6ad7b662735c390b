import { MigrationInterface, QueryRunner } from 'typeorm';

export class StaffingInitial1764400300000 implements MigrationInterface {
  name = 'StaffingInitial1764400300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE staffed_property (
        id uuid PRIMARY KEY,
        code text NOT NULL,
        name text NOT NULL,
        timezone text NOT NULL,
        star_rating smallint,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE staffed_property');
  }
}
