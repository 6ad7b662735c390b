import { DataSource, MixedList } from 'typeorm';
import type { ServiceEnv } from '../config/env';
import { MessagingSchema1764400000000 } from './messaging-schema.migration';
import { OutboxParking1764650000000 } from './outbox-parking.migration';

/** Applies the platform's and the service's pending migrations; what `npm run migrate -w <service>` runs. */
export async function runMigrations(env: ServiceEnv, migrations: MixedList<Function>): Promise<string[]> {
  const dataSource = new DataSource({
    type: 'postgres',
    url: env.DATABASE_URL,
    migrations: [MessagingSchema1764400000000, OutboxParking1764650000000, ...(migrations as Function[])],
    migrationsTransactionMode: 'each',
  });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations();
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}
