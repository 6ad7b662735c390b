import { DynamicModule, Module } from '@nestjs/common';
import { TOPICS } from '@frontoffice/contracts';
import { PlatformModule } from '@frontoffice/platform';
import type { IntegrationsEnv } from './config/integrations.env';
import { INTEGRATIONS_ENTITIES, INTEGRATIONS_MIGRATIONS } from './database/schema';
import { WebhooksModule } from './webhooks/webhooks.module';
import { ChannelsModule } from './channels/channels.module';

@Module({})
export class AppModule {
  static register(env: IntegrationsEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService({
          service: 'integrations',
          env,
          entities: INTEGRATIONS_ENTITIES,
          migrations: INTEGRATIONS_MIGRATIONS,
          // Every stream integrators may subscribe to; not its own topic (delivery status is for operators).
          consumes: [TOPICS.reservations, TOPICS.concierge, TOPICS.staffing, TOPICS.billing],
        }),
        WebhooksModule,
        ChannelsModule,
      ],
    };
  }
}

export const INTEGRATIONS_APP = {
  title: 'Integrations',
  description:
    'Signed webhooks (Standard Webhooks) for subscribers outside Kafka, with their delivery log and redelivery; channel-manager pushes.',
};
