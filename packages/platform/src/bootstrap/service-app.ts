import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import express, { NextFunction, Request, Response } from 'express';
import { Logger } from 'nestjs-pino';
import type { ServiceEnv } from '../config/env';
import { ShutdownState } from '../health/shutdown-state';
import { answerClientErrorsAsProblems } from '../http/client-errors';
import { toProblem } from '../http/problem.filter';
import { PROBLEM_CONTENT_TYPE } from '../http/problem';
import { KafkaEventServer } from '../messaging/kafka-event.server';
import { OutboxRelayService } from '../messaging/outbox-relay.service';

export interface ServiceAppOptions {
  title: string;
  description: string;
  version?: string;
  /** Parsed JSON bodies larger than this are refused with 413. */
  bodyLimit?: string;
}

export interface ServiceApp {
  app: NestExpressApplication;
  consumer: KafkaEventServer;
  relay: OutboxRelayService;
  /** Stops in the order that loses nothing: readiness off, consumer, outbox drained, then HTTP and the database. */
  shutdown(): Promise<void>;
}

/**
 * Builds a service the same way for production and tests: HTTP with problem+json errors for malformed bodies,
 * OpenAPI at /docs and /docs-json, and the Kafka event consumer attached (a hybrid Nest application).
 */
export async function createServiceApp(module: unknown, options: ServiceAppOptions): Promise<ServiceApp> {
  const app = await NestFactory.create<NestExpressApplication>(module as never, {
    bodyParser: false,
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  answerClientErrorsAsProblems(app.getHttpServer());
  app.disable('x-powered-by');
  // Own body parser, so that malformed or oversized JSON answers problem+json like every other error.
  app.use(express.json({ limit: options.bodyLimit ?? '1mb', type: ['application/json', 'application/*+json'] }));
  app.use((error: unknown, request: Request, response: Response, next: NextFunction) => {
    if (response.headersSent) return next(error);
    const problem = toProblem(error, request.originalUrl);
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  });

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(options.title)
      .setDescription(options.description)
      .setVersion(options.version ?? '1.0.0')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .addSecurityRequirements('bearer')
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });

  const consumer = app.get(KafkaEventServer);
  // Inherit the global filter, so handler errors reach the transport as thrown (see ProblemDetailsFilter).
  app.connectMicroservice({ strategy: consumer }, { inheritAppConfig: true });
  const relay = app.get(OutboxRelayService);
  const shutdownState = app.get(ShutdownState);

  let stopping: Promise<void> | undefined;
  const shutdown = (): Promise<void> =>
    (stopping ??= (async () => {
      shutdownState.stopping = true;
      await consumer.close();
      await relay.stop({ drain: true });
      await app.close();
    })());
  return { app, consumer, relay, shutdown };
}

/** Starts a service: listens, starts the consumer, and shuts down cleanly on SIGINT/SIGTERM. */
export async function runService(module: unknown, env: ServiceEnv, options: ServiceAppOptions): Promise<ServiceApp> {
  const service = await createServiceApp(module, options);
  await service.app.startAllMicroservices();
  await service.app.listen(env.PORT, env.HOST);
  const logger = service.app.get(Logger);
  logger.log(`${options.title} listening on http://${env.HOST}:${env.PORT} (docs at /docs)`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      logger.log(`${signal} received: shutting down`);
      service
        .shutdown()
        .then(() => {
          logger.log('stopped cleanly: consumer closed, outbox drained, connections closed');
          process.exit(0);
        })
        .catch((error: unknown) => {
          logger.error(error);
          process.exit(1);
        });
    });
  }
  return service;
}
