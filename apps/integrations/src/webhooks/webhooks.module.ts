import { Module } from '@nestjs/common';
import { SERVICE_ENV } from '@frontoffice/platform';
import { DEV_WEBHOOK_SECRETS_KEY, type IntegrationsEnv } from '../config/integrations.env';
import { AddressPolicy } from './deliveries/address-policy';
import { DeliveriesRepository } from './deliveries/deliveries.repository';
import { DeliveryWorker } from './deliveries/delivery-worker';
import { WebhookHttpClient } from './deliveries/webhook-http';
import { WebhookFanOutHandler } from './deliveries/webhook-fan-out.handler';
import { WebhookMetrics } from './deliveries/webhook-metrics';
import { GuestErasureHandler } from './erasure/guest-erasure.handler';
import { SecretBox } from './signing/secret-box';
import { ChainWebhooksController, PropertyWebhooksController } from './subscriptions/subscriptions.controller';
import { SubscriptionsRepository } from './subscriptions/subscriptions.repository';
import { SubscriptionsService } from './subscriptions/subscriptions.service';

/** Signed webhooks: subscriptions, the fan-out of consumed events into per-subscription queues, and delivery. */
@Module({
  controllers: [PropertyWebhooksController, ChainWebhooksController, WebhookFanOutHandler, GuestErasureHandler],
  providers: [
    {
      provide: AddressPolicy,
      inject: [SERVICE_ENV],
      useFactory: (env: IntegrationsEnv) => new AddressPolicy(env.WEBHOOK_ALLOWED_NETWORKS),
    },
    {
      provide: SecretBox,
      inject: [SERVICE_ENV],
      useFactory: (env: IntegrationsEnv) => {
        if (env.NODE_ENV === 'production' && env.WEBHOOK_SECRETS_KEY === DEV_WEBHOOK_SECRETS_KEY) {
          throw new Error('WEBHOOK_SECRETS_KEY: the development default key is refused when NODE_ENV=production');
        }
        return new SecretBox(env.WEBHOOK_SECRETS_KEY);
      },
    },
    {
      provide: WebhookHttpClient,
      inject: [SERVICE_ENV, AddressPolicy],
      useFactory: (env: IntegrationsEnv, policy: AddressPolicy) =>
        new WebhookHttpClient(policy, env.WEBHOOK_TIMEOUT_MS),
    },
    SubscriptionsRepository,
    DeliveriesRepository,
    SubscriptionsService,
    WebhookMetrics,
    DeliveryWorker,
  ],
  // The outbound-HTTP policy and the secret sealing, shared with channel-manager pushes.
  exports: [AddressPolicy, SecretBox],
})
export class WebhooksModule {}
