import { DynamicModule, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { TOPICS } from '@frontoffice/contracts';
import { PlatformModule } from '@frontoffice/platform';
import { AuthController } from './auth/auth.controller';
import { OIDC_CLIENT, type OidcClient } from './auth/oidc-client';
import { OpenIdClientAdapter } from './auth/openid-client.adapter';
import type { ConsoleEnv } from './config/console.env';
import { CONSOLE_ENTITIES, CONSOLE_MIGRATIONS } from './database/schema';
import { ForwardingMiddleware } from './forwarding/forwarding.middleware';
import { LiveEventsConsumer } from './live/live-events.consumer';
import { LiveHub } from './live/live-hub';
import { LiveStreamMiddleware } from './live/live-stream.middleware';
import { SessionController } from './session/session.controller';
import { SessionRepository } from './session/session.repository';
import { SessionService } from './session/session.service';

export interface ConsoleModuleOptions {
  /** Replaces the OpenID client (tests that arrange sessions without a provider). */
  oidcClient?: OidcClient;
}

@Module({})
export class AppModule implements NestModule {
  static register(env: ConsoleEnv, options: ConsoleModuleOptions = {}): DynamicModule {
    const oidcClient =
      options.oidcClient ??
      new OpenIdClientAdapter({
        issuerUrl: env.OIDC_ISSUER_URL,
        clientId: env.OIDC_CLIENT_ID,
        clientSecret: env.OIDC_CLIENT_SECRET,
        scopes: env.OIDC_SCOPES,
        allowHttp: env.OIDC_ALLOW_HTTP,
      });
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService({
          service: 'console',
          env,
          entities: CONSOLE_ENTITIES,
          migrations: CONSOLE_MIGRATIONS,
          consumes: Object.values(TOPICS),
          // Every instance pushes to its own browsers, so each must see every event.
          consumerMode: 'broadcast',
        }),
      ],
      controllers: [AuthController, SessionController, LiveEventsConsumer],
      providers: [{ provide: OIDC_CLIENT, useValue: oidcClient }, SessionRepository, SessionService, LiveHub],
      exports: [SessionService, LiveHub],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(LiveStreamMiddleware, ForwardingMiddleware)
      .forRoutes({ path: 'api/{*rest}', method: RequestMethod.ALL });
  }
}

export const CONSOLE_APP = { title: 'Console', description: 'The staff console and its backend-for-frontend.' };
