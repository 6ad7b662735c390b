import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

/** Each automatic purpose on (true) or off (false); purposes not given keep their setting. */
export class AutomaticPurposesDto {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() pre_arrival?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() welcome?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() vip_welcome?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() checkout_thanks?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() event_reminder?: boolean;
}

export class UpdateMailSettingsDto {
  @ApiPropertyOptional({ nullable: true, example: 'Hôtel Démo Opéra', description: 'null: the property name' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @Length(1, 100)
  senderName?: string | null;

  @ApiPropertyOptional({ nullable: true, example: 'reception@demo-opera.example' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsEmail({ require_tld: false })
  senderAddress?: string | null;

  @ApiPropertyOptional({ nullable: true, example: 'concierge@demo-opera.example' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsEmail({ require_tld: false })
  replyTo?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'Signs the VIP welcome ({{managerName}})' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @Length(1, 100)
  managerName?: string | null;

  @ApiPropertyOptional({ minimum: 1, maximum: 60, description: 'Days before arrival the pre-arrival e-mail goes' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  preArrivalDaysBefore?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 23, description: 'Property-local hour it goes at' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(23)
  preArrivalHour?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 336, description: 'Hours before a group event its reminder goes' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(336)
  eventReminderHoursBefore?: number;

  @ApiPropertyOptional({ type: AutomaticPurposesDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => AutomaticPurposesDto)
  automatic?: AutomaticPurposesDto;
}

export class AutomaticPurposesView {
  @ApiProperty() pre_arrival!: boolean;
  @ApiProperty() welcome!: boolean;
  @ApiProperty() vip_welcome!: boolean;
  @ApiProperty() checkout_thanks!: boolean;
  @ApiProperty() event_reminder!: boolean;
}

export class MailSettingsView {
  @ApiProperty({ format: 'uuid' }) propertyId!: string;
  @ApiProperty({ nullable: true, type: String }) senderName!: string | null;
  @ApiProperty({ nullable: true, type: String }) senderAddress!: string | null;
  @ApiProperty({ nullable: true, type: String }) replyTo!: string | null;
  @ApiProperty({ nullable: true, type: String }) managerName!: string | null;
  @ApiProperty({ description: 'The From header e-mails get: the sender, or the property name and the default address' })
  effectiveFrom!: string;
  @ApiProperty() preArrivalDaysBefore!: number;
  @ApiProperty() preArrivalHour!: number;
  @ApiProperty() eventReminderHoursBefore!: number;
  @ApiProperty({ type: AutomaticPurposesView }) automatic!: AutomaticPurposesView;
  @ApiProperty({ nullable: true, type: String }) updatedBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) updatedAt!: string | null;
}
