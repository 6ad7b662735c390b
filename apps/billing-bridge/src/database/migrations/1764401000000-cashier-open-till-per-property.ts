import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One open till per agent and property. The first index ignored the property: a chain-wide agent with a till left
 * open at one hotel could open none at another (409 there, naming a till that property cannot see), and cash at
 * the second hotel was refused. A till is a drawer at one property's desk; the rule is per property.
 */
export class CashierOpenTillPerProperty1764401000000 implements MigrationInterface {
  name = 'CashierOpenTillPerProperty1764401000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE UNIQUE INDEX cashier_session_one_open_per_agent_and_property ON cashier_session (property_id, agent_id)
       WHERE status = 'open'`,
    );
    await queryRunner.query('DROP INDEX cashier_session_one_open_per_agent');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE UNIQUE INDEX cashier_session_one_open_per_agent ON cashier_session (agent_id) WHERE status = 'open'`,
    );
    await queryRunner.query('DROP INDEX cashier_session_one_open_per_agent_and_property');
  }
}
