import { WebhookHttpClient, type PostOutcome } from '../webhooks/deliveries/webhook-http';

/**
 * Posts OpenTravel notifications to a channel's endpoint over the same guarded HTTP client as webhooks: the address
 * policy (no loopback, private or metadata addresses unless allowed), no redirects, a bounded time per request.
 */
export class ChannelPushHttp {
  constructor(private readonly client: WebhookHttpClient) {}

  post(url: string, xml: string, credentials?: { username: string; password: string }): Promise<PostOutcome> {
    return this.client.post(
      url,
      {
        'content-type': 'application/xml; charset=utf-8',
        'user-agent': 'frontoffice-channels/1',
        ...(credentials
          ? {
              authorization: `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`,
            }
          : {}),
      },
      xml,
    );
  }

  close(): Promise<void> {
    return this.client.close();
  }
}
