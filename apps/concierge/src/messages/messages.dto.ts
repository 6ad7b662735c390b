import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DELIVERY_STATUSES,
  type DeliveryStatus,
  IsLanguageTag,
  MESSAGE_CHANNELS,
  MESSAGE_PURPOSES,
  type MessageChannel,
  type MessagePurpose,
} from '@frontoffice/contracts';
import { IsIn, IsObject, IsOptional, IsString, IsUUID, Length, ValidateBy } from 'class-validator';
import { PageQuery } from '@frontoffice/platform';

export class TemplateParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  propertyId!: string;

  @ApiProperty({ enum: MESSAGE_PURPOSES })
  @IsIn(MESSAGE_PURPOSES)
  purpose!: MessagePurpose;

  @ApiProperty({ example: 'fr' })
  @IsLanguageTag()
  language!: string;
}

export class SaveTemplateDto {
  @ApiProperty({ example: 'Bienvenue, {{guestFirstName}}' })
  @IsString()
  @Length(1, 200)
  subject!: string;

  @ApiProperty({ example: 'Chère/Cher {{guestName}}, votre chambre {{roomNumber}} est prête.' })
  @IsString()
  @Length(1, 10_000)
  body!: string;
}

export class TemplateQuery {
  @ApiPropertyOptional({ enum: MESSAGE_PURPOSES })
  @IsOptional()
  @IsIn(MESSAGE_PURPOSES)
  purpose?: MessagePurpose;

  @ApiPropertyOptional({ example: 'fr' })
  @IsOptional()
  @IsLanguageTag()
  language?: string;
}

/** Values for the purpose's own placeholders (eventName, apologyReason, ...): short strings. */
function IsStringMap(): PropertyDecorator {
  return ValidateBy({
    name: 'isStringMap',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        Object.values(value).every((item) => typeof item === 'string' && item.length <= 500),
      defaultMessage: () => 'variables must map placeholder names to strings of at most 500 characters',
    },
  });
}

export class SendMessageDto {
  @ApiProperty({ enum: MESSAGE_PURPOSES })
  @IsIn(MESSAGE_PURPOSES)
  purpose!: MessagePurpose;

  @ApiProperty({ format: 'uuid', description: 'The guest’s stay: name, room and language come from it' })
  @IsUUID()
  reservationId!: string;

  @ApiProperty({ enum: MESSAGE_CHANNELS })
  @IsIn(MESSAGE_CHANNELS)
  channel!: MessageChannel;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'For an event reminder: fills eventName, eventDate, eventTime and eventVenue from the group event',
  })
  @IsOptional()
  @IsUUID()
  groupEventId?: string;

  @ApiPropertyOptional({ example: { eventName: 'Gala dinner', eventTime: '19:30' } })
  @IsOptional()
  @IsObject()
  @IsStringMap()
  variables?: Record<string, string>;
}

export class MessageQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  reservationId?: string;

  @ApiPropertyOptional({ enum: MESSAGE_PURPOSES })
  @IsOptional()
  @IsIn(MESSAGE_PURPOSES)
  purpose?: MessagePurpose;

  @ApiPropertyOptional({ enum: DELIVERY_STATUSES })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: DeliveryStatus;
}

export class MessageParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  propertyId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  messageId!: string;
}

export class TemplateView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: MESSAGE_PURPOSES }) purpose!: string;
  @ApiProperty() language!: string;
  @ApiProperty() subject!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ type: [String] }) placeholders!: string[];
  @ApiProperty() version!: number;
  @ApiProperty() updatedBy!: string;
  @ApiProperty() updatedAt!: string;
}

export class TemplateList {
  @ApiProperty({ type: [TemplateView] }) items!: TemplateView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class MessageView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: MESSAGE_PURPOSES }) purpose!: string;
  @ApiProperty() language!: string;
  @ApiProperty({ description: 'True when the guest’s language had no template' }) fallbackUsed!: boolean;
  @ApiProperty({ enum: ['guest', 'property_fallback', 'any_available'] }) languageSource!: string;
  @ApiProperty() templateId!: string;
  @ApiProperty() templateVersion!: number;
  @ApiProperty({ nullable: true, type: String }) reservationId!: string | null;
  @ApiProperty() recipient!: string;
  @ApiProperty({ enum: MESSAGE_CHANNELS }) channel!: string;
  @ApiProperty() subject!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Who sent it; null for a preview' }) sentBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) sentAt!: string | null;
}

/** A logged message with its delivery: e-mail goes through the queue; other channels are handed over by the desk. */
export class LoggedMessageView extends MessageView {
  @ApiProperty({
    enum: DELIVERY_STATUSES,
    description: 'queued → sent (relay accepted it) | deferred (temporary refusal, retried) | failed | cancelled',
  })
  status!: DeliveryStatus;
  @ApiProperty({ description: 'Sent by the concierge on its own along the stay' }) automatic!: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'The e-mail address it went to (once resolved)' })
  recipientAddress!: string | null;
  @ApiProperty() attempts!: number;
  @ApiProperty({ nullable: true, type: String }) nextAttemptAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Message-ID of the e-mail the relay accepted' })
  smtpMessageId!: string | null;
  @ApiProperty({ nullable: true, type: Number }) smtpCode!: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'The relay’s last reply, e.g. why it refused' })
  smtpResponse!: string | null;
  @ApiProperty({ nullable: true, type: String }) deliveredAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'When the guest’s erasure emptied this entry' })
  scrubbedAt!: string | null;
}

export class MessageList {
  @ApiProperty({ type: [LoggedMessageView] }) items!: LoggedMessageView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
