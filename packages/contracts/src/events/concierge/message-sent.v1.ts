import { IsBoolean, IsIn, IsString, IsUUID, Length } from 'class-validator';
import { IsLanguageTag, IsUtcInstant, Omittable } from '../../validators';

/** The purposes of the guest-communication protocol's templates. */
export const MESSAGE_PURPOSES = [
  'pre_arrival',
  'welcome',
  'vip_welcome',
  'checkout_thanks',
  'apology',
  'event_reminder',
] as const;
export type MessagePurpose = (typeof MESSAGE_PURPOSES)[number];

export const MESSAGE_CHANNELS = ['email', 'sms', 'in_person', 'letter', 'app'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

/** A message from a template was sent to a guest. The rendered text stays in the concierge's log. */
export class ConciergeMessageSentV1 {
  @IsUUID()
  messageId!: string;

  @IsIn(MESSAGE_PURPOSES)
  purpose!: MessagePurpose;

  /** The language the message was rendered in. */
  @IsLanguageTag()
  language!: string;

  /** True when the guest's language had no template and a fallback language was used. */
  @IsBoolean()
  fallbackUsed!: boolean;

  @IsUUID()
  templateId!: string;

  @Omittable()
  @IsUUID()
  reservationId?: string;

  @IsIn(MESSAGE_CHANNELS)
  channel!: MessageChannel;

  @IsString()
  @Length(1, 100)
  sentBy!: string;

  @IsUtcInstant()
  sentAt!: string;
}
