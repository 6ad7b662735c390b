import { Module } from '@nestjs/common';
import { SERVICE_ENV } from '@frontoffice/platform';
import type { IntegrationsEnv } from '../config/integrations.env';
import { AddressPolicy } from '../webhooks/deliveries/address-policy';
import { WebhookHttpClient } from '../webhooks/deliveries/webhook-http';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { ChannelEndpointsController } from './channel-endpoints.controller';
import { ChannelEndpointsService } from './channel-endpoints.service';
import { ChannelFeedHandler } from './channel-feed.handler';
import { ChannelPushHttp } from './channel-push-http';
import { ChannelPushMetrics } from './channel-push.metrics';
import { ChannelPushRepository } from './channel-push.repository';
import { ChannelPushWorker } from './channel-push.worker';

/**
 * Channel-manager pushes: availability and rates of mapped room types, as OpenTravel notifications, to each
 * channel's endpoint. Same address policy and secret sealing as webhooks (one configuration for outbound HTTP).
 */
@Module({
  imports: [WebhooksModule],
  controllers: [ChannelFeedHandler, ChannelEndpointsController],
  providers: [
    {
      provide: ChannelPushHttp,
      inject: [SERVICE_ENV, AddressPolicy],
      useFactory: (env: IntegrationsEnv, policy: AddressPolicy) =>
        new ChannelPushHttp(new WebhookHttpClient(policy, env.CHANNEL_PUSH_TIMEOUT_MS)),
    },
    ChannelPushRepository,
    ChannelPushMetrics,
    ChannelEndpointsService,
    ChannelPushWorker,
  ],
})
export class ChannelsModule {}
