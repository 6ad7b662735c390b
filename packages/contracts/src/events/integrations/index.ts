import { defineEvent, type LatestPayloads } from '../../define-event';
import { TOPICS } from '../../topics';
import { WebhookSubscriptionPausedV1 } from './subscription-paused.v1';

export { WEBHOOK_PAUSE_REASONS, WebhookSubscriptionPausedV1, type WebhookPauseReason } from './subscription-paused.v1';

const topic = TOPICS.integrations;

export const INTEGRATIONS_EVENTS = [
  defineEvent({
    type: 'webhook.subscription-paused',
    version: 1,
    topic,
    payload: WebhookSubscriptionPausedV1,
    subject: 'subscriptionId',
    summary:
      'A webhook subscription was paused after too many consecutive failed deliveries; its events queue until it is resumed.',
  }),
] as const;

export interface IntegrationsEventDataMap {
  'webhook.subscription-paused': WebhookSubscriptionPausedV1;
}

export const INTEGRATIONS_LATEST_PAYLOADS: LatestPayloads<IntegrationsEventDataMap> = {
  'webhook.subscription-paused': WebhookSubscriptionPausedV1,
};
