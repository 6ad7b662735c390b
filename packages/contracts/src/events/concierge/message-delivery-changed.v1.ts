import { IsIn, IsInt, IsUUID, Max, Min } from 'class-validator';
import { IsUtcInstant, Omittable } from '../../validators';
import { MESSAGE_PURPOSES, type MessagePurpose } from './message-sent.v1';

/** Where an e-mail stands: waiting for the worker, accepted by the relay, retried later, refused for good, or withdrawn. */
export const DELIVERY_STATUSES = ['queued', 'sent', 'deferred', 'failed', 'cancelled'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * An e-mail to a guest changed delivery status. Ids, status and the SMTP reply code only: the address, the text and
 * the relay's reply text (which often repeats the address) stay in the concierge's message log.
 */
export class ConciergeMessageDeliveryChangedV1 {
  @IsUUID()
  messageId!: string;

  @IsIn(MESSAGE_PURPOSES)
  purpose!: MessagePurpose;

  @Omittable()
  @IsUUID()
  reservationId?: string;

  @IsIn(DELIVERY_STATUSES)
  status!: DeliveryStatus;

  /** Delivery attempts made so far. */
  @IsInt()
  @Min(0)
  attempts!: number;

  /** The relay's reply code of the last attempt (250, 451, 550, ...); absent when no reply was received. */
  @Omittable()
  @IsInt()
  @Min(200)
  @Max(599)
  smtpCode?: number;

  /** When a deferred message is tried again. */
  @Omittable()
  @IsUtcInstant()
  nextAttemptAt?: string;

  @IsUtcInstant()
  changedAt!: string;
}
