import { IsIn, IsInt, IsString, IsUUID, Length, Min } from 'class-validator';
import { IsUtcInstant, Omittable } from '../../validators';

export const WEBHOOK_PAUSE_REASONS = ['consecutive-failures'] as const;
export type WebhookPauseReason = (typeof WEBHOOK_PAUSE_REASONS)[number];

/**
 * The integrations service stopped delivering to a webhook subscription on its own: its endpoint failed too many
 * times in a row. Nothing is lost: events keep queueing until an administrator resumes the subscription. The
 * envelope's `propertyId` is the property whose delivery failed last (a chain-wide subscription spans several).
 */
export class WebhookSubscriptionPausedV1 {
  @IsUUID()
  subscriptionId!: string;

  /** The subscription's property, or absent for a chain-wide subscription. */
  @Omittable()
  @IsUUID()
  subscriptionPropertyId?: string;

  @IsIn(WEBHOOK_PAUSE_REASONS)
  reason!: WebhookPauseReason;

  @IsInt()
  @Min(1)
  consecutiveFailures!: number;

  /** HTTP status of the last failed attempt; absent when no answer came (timeout, refused address, network). */
  @Omittable()
  @IsInt()
  lastStatusCode?: number;

  /** Why the last attempt failed, in a few words. */
  @IsString()
  @Length(1, 500)
  lastError!: string;

  @IsUtcInstant()
  pausedAt!: string;
}
