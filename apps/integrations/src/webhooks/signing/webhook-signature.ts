import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

export const SECRET_PREFIX = 'whsec_';

/** A fresh Standard Webhooks signing secret: `whsec_` and 32 random bytes in base64. */
export function generateSigningSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString('base64');
}

export interface SignedHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/**
 * Standard Webhooks headers for one message. During a rotation's overlap `secrets` holds the new and the previous
 * secret and the signature header carries one `v1,<base64>` per secret, space-separated, so a subscriber verifying
 * with either passes.
 */
export function signWebhook(
  messageId: string,
  timestamp: Date,
  body: string,
  secrets: readonly string[],
): SignedHeaders {
  if (secrets.length === 0) throw new Error('a webhook needs at least one signing secret');
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
    'webhook-signature': secrets.map((secret) => new Webhook(secret).sign(messageId, timestamp, body)).join(' '),
  };
}
