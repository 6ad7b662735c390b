import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUtcInstant } from '@frontoffice/contracts';
import { PageQuery } from '@frontoffice/platform';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { EVENT_TYPE_FILTER_PATTERN } from './event-type-patterns';

const EVENT_TYPES_DOC =
  "Event types to receive: exact ('reservation.created'), a prefix wildcard ('reservation.*') or '*' for all";
const EVENT_TYPE_MESSAGE = "each event type must be like 'reservation.created', 'reservation.*' or '*'";

export class CreateWebhookDto {
  @ApiProperty({ example: 'https://crm.example.com/hooks/frontoffice', description: 'HTTPS endpoint; no credentials' })
  @IsString()
  @MaxLength(2000)
  url!: string;

  @ApiProperty({ example: ['reservation.*', 'stay.checked-in'], description: EVENT_TYPES_DOC })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @Matches(EVENT_TYPE_FILTER_PATTERN, { each: true, message: EVENT_TYPE_MESSAGE })
  eventTypes!: string[];

  @ApiPropertyOptional({ example: 'CRM sync' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  description?: string;

  @ApiPropertyOptional({
    default: false,
    description: 'Send guests’ and employees’ names; without it they are left out of every payload',
  })
  @IsOptional()
  @IsBoolean()
  includePersonalData?: boolean;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 100,
    description: 'Deliveries in flight at once for this subscription (one per property); service default when omitted',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  maxInFlight?: number;
}

export class UpdateWebhookDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  url?: string;

  @ApiPropertyOptional({ description: EVENT_TYPES_DOC })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @Matches(EVENT_TYPE_FILTER_PATTERN, { each: true, message: EVENT_TYPE_MESSAGE })
  eventTypes?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 500)
  description?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  includePersonalData?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: 100 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  maxInFlight?: number;
}

export class RotateSecretDto {
  @ApiPropertyOptional({
    minimum: 0,
    maximum: 604_800,
    description:
      'Seconds the previous secret keeps signing beside the new one (service default when omitted; 0 ends it now)',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(604_800)
  overlapSeconds?: number;
}

export class RedeliverDto {
  @ApiPropertyOptional({ description: 'Send this one event again' })
  @IsOptional()
  @IsUUID()
  eventId?: string;

  @ApiPropertyOptional({
    example: '2027-03-01T00:00:00Z',
    description: 'With `to`: every event that happened in [from, to)',
  })
  @IsOptional()
  @IsUtcInstant()
  from?: string;

  @ApiPropertyOptional({ example: '2027-03-02T00:00:00Z' })
  @IsOptional()
  @IsUtcInstant()
  to?: string;
}

export class DeliveriesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['pending', 'delivered'] })
  @IsOptional()
  @IsIn(['pending', 'delivered'])
  status?: 'pending' | 'delivered';

  @ApiPropertyOptional({ example: 'reservation.created' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  eventType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  eventId?: string;
}

export class WebhookView {
  @ApiProperty() id!: string;
  @ApiProperty({ nullable: true, type: String, description: 'null for a chain-wide subscription' })
  propertyId!: string | null;
  @ApiProperty() url!: string;
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty({ type: [String] }) eventTypes!: string[];
  @ApiProperty() includePersonalData!: boolean;
  @ApiProperty({ enum: ['active', 'paused'] }) status!: 'active' | 'paused';
  @ApiProperty({ nullable: true, type: String, example: 'consecutive-failures' }) pausedReason!: string | null;
  @ApiProperty({ nullable: true, type: String }) pausedAt!: string | null;
  @ApiProperty() maxInFlight!: number;
  @ApiProperty() consecutiveFailures!: number;
  @ApiProperty({ description: 'Deliveries waiting to be sent or retried' }) backlog!: number;
  @ApiProperty({ nullable: true, type: String }) secretRotatedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Until then the previous secret signs too' })
  previousSecretExpiresAt!: string | null;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class CreatedWebhookView extends WebhookView {
  @ApiProperty({
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    description: 'The signing secret. Shown this once: store it now.',
  })
  secret!: string;
}

export class WebhookList {
  @ApiProperty({ type: [WebhookView] }) items!: WebhookView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class RotatedSecretView {
  @ApiProperty({ description: 'The new signing secret. Shown this once.' }) secret!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Until then deliveries carry both signatures' })
  previousSecretExpiresAt!: string | null;
}

export class DeliveryItem {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'Also the webhook-id header' }) eventId!: string;
  @ApiProperty() eventType!: string;
  @ApiProperty() propertyId!: string;
  @ApiProperty({ enum: ['pending', 'delivered'] }) status!: 'pending' | 'delivered';
  @ApiProperty() redelivery!: boolean;
  @ApiProperty() attempts!: number;
  @ApiProperty({ nullable: true, type: String }) nextAttemptAt!: string | null;
  @ApiProperty({ nullable: true, type: Number }) lastStatusCode!: number | null;
  @ApiProperty({ nullable: true, type: String }) lastError!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) deliveredAt!: string | null;
}

export class DeliveryList {
  @ApiProperty({ type: [DeliveryItem] }) items!: DeliveryItem[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class AttemptItem {
  @ApiProperty() attempt!: number;
  @ApiProperty() startedAt!: string;
  @ApiProperty() durationMs!: number;
  @ApiProperty({ enum: ['delivered', 'failed'] }) outcome!: 'delivered' | 'failed';
  @ApiProperty({ nullable: true, type: Number }) statusCode!: number | null;
  @ApiProperty({ nullable: true, type: String }) error!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'First 1 KiB of the answer' })
  responseExcerpt!: string | null;
}

export class AttemptList {
  @ApiProperty({ type: [AttemptItem] }) items!: AttemptItem[];
}

export class RedeliveryView {
  @ApiProperty({ description: 'Deliveries queued again' }) queued!: number;
}
