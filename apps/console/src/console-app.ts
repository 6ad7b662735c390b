import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import {
  answerClientErrorsAsProblems,
  KafkaEventServer,
  OutboxRelayService,
  ShutdownState,
} from '@frontoffice/platform';
import cookieParser from 'cookie-parser';
import { Logger } from 'nestjs-pino';
import { join } from 'node:path';
import type { ConsoleEnv } from './config/console.env';
import { LiveHub } from './live/live-hub';
import { securityHeaders, webApp } from './spa-hosting/web-app';

export interface ConsoleApp {
  app: NestExpressApplication;
  consumer: KafkaEventServer;
  /** Stops in order: readiness off, live streams closed, consumer, then HTTP and the database. */
  shutdown(): Promise<void>;
}

/**
 * The console as production and the tests build it. No body parser: the console reads no bodies of its own, and
 * forwarded ones stream to the services untouched.
 */
export async function createConsoleApp(module: unknown, env: ConsoleEnv): Promise<ConsoleApp> {
  const app = await NestFactory.create<NestExpressApplication>(module as never, {
    bodyParser: false,
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  answerClientErrorsAsProblems(app.getHttpServer());
  app.disable('x-powered-by');
  app.use(securityHeaders);
  app.use(cookieParser());
  // Ahead of Nest's routes, which end in its not-found handler.
  app.use(webApp(env.CONSOLE_WEB_DIR || join(__dirname, 'web')));

  const consumer = app.get(KafkaEventServer);
  app.connectMicroservice({ strategy: consumer }, { inheritAppConfig: true });
  const relay = app.get(OutboxRelayService);
  const shutdownState = app.get(ShutdownState);
  const hub = app.get(LiveHub);
  let stopping: Promise<void> | undefined;
  const shutdown = (): Promise<void> =>
    (stopping ??= (async () => {
      shutdownState.stopping = true;
      // Browsers reconnect (EventSource retries), to another instance.
      hub.closeAll();
      await consumer.close();
      await relay.stop({ drain: false });
      await app.close();
    })());
  return { app, consumer, shutdown };
}
