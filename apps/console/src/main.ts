import 'reflect-metadata';
import { EnvValidationError, loadServiceEnv } from '@frontoffice/platform';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { ConsoleEnv } from './config/console.env';
import { createConsoleApp } from './console-app';

function exitOnStartupFailure(error: unknown): never {
  if (error instanceof EnvValidationError) console.error(error.message);
  else console.error('Start-up failed:', error);
  process.exit(1);
}

async function main(): Promise<void> {
  const env = loadServiceEnv('console', ConsoleEnv);
  const consoleApp = await createConsoleApp(AppModule.register(env), env);
  await consoleApp.app.startAllMicroservices();
  await consoleApp.app.listen(env.PORT, env.HOST);
  const logger = consoleApp.app.get(Logger);
  logger.log(`Console listening on http://${env.HOST}:${env.PORT} (public URL ${env.CONSOLE_PUBLIC_URL})`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      logger.log(`${signal} received: shutting down`);
      consoleApp.shutdown().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error(error);
          process.exit(1);
        },
      );
    });
  }
}

main().catch(exitOnStartupFailure);
