import type { MixedList } from 'typeorm';
import { EnvValidationError, loadServiceEnv, ServiceEnv } from '../config/env';
import { runMigrations } from '../database/run-migrations';
import { runService, ServiceAppOptions } from './service-app';
import type { AppName } from '../config/service-defaults';

function exitOnStartupFailure(error: unknown): never {
  if (error instanceof EnvValidationError) console.error(error.message);
  else console.error('Start-up failed:', error);
  process.exit(1);
}

/** A service's `main`: validated settings first (a bad value stops the start with a clear list), then the app. */
export function serviceMain<T extends ServiceEnv>(
  service: AppName,
  envClass: new () => T,
  module: (env: T) => unknown,
  options: ServiceAppOptions,
): void {
  try {
    const env = loadServiceEnv(service, envClass);
    runService(module(env), env, options).catch(exitOnStartupFailure);
  } catch (error) {
    exitOnStartupFailure(error);
  }
}

/** A service's `migrate` command, for deployments that run migrations as a separate step (DB_MIGRATIONS_RUN=false). */
export function migrationsMain<T extends ServiceEnv>(
  service: AppName,
  envClass: new () => T,
  migrations: MixedList<Function>,
): void {
  try {
    runMigrations(loadServiceEnv(service, envClass), migrations)
      .then((applied) =>
        console.log(
          applied.length > 0 ? `${service}: applied ${applied.join(', ')}` : `${service}: schema is up to date`,
        ),
      )
      .catch(exitOnStartupFailure);
  } catch (error) {
    exitOnStartupFailure(error);
  }
}
