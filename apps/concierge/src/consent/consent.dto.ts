import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';

export class StayParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  propertyId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  reservationId!: string;
}

export class UpdatePreferencesDto {
  @ApiPropertyOptional({ description: 'Pre-arrival, welcome, thank-you, event reminders and VIP welcome e-mails' })
  @IsOptional()
  @IsBoolean()
  automaticMessages?: boolean;

  @ApiPropertyOptional({
    description: 'False is a hard opt-out: no e-mail at all, not even what the desk sends (confirmations, receipts)',
  })
  @IsOptional()
  @IsBoolean()
  anyMessages?: boolean;

  @ApiPropertyOptional({ description: 'Explicit opt-in to offers and news; off unless the guest asked for it' })
  @IsOptional()
  @IsBoolean()
  marketing?: boolean;
}

export class PreferencesView {
  @ApiProperty({ format: 'uuid' }) reservationId!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Preferences belong to this guest profile' })
  guestId!: string | null;
  @ApiProperty() automaticMessages!: boolean;
  @ApiProperty() anyMessages!: boolean;
  @ApiProperty() marketing!: boolean;
  @ApiProperty({ description: 'The guest was erased on request: nothing is ever sent' }) erased!: boolean;
  @ApiProperty({ nullable: true, type: String }) updatedBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) updatedAt!: string | null;
}

export class OptOutQuery {
  @ApiProperty({ description: 'The signed token of the link in the e-mail' })
  @IsString()
  @Length(10, 2000)
  token!: string;
}

/** The form on the opt-out page, or a mail client's RFC 8058 one-click POST (`List-Unsubscribe=One-Click`). */
export class OptOutForm {
  @ApiPropertyOptional({ enum: ['automatic', 'all'], description: 'all: no e-mail at all (hard opt-out)' })
  @IsOptional()
  @IsIn(['automatic', 'all'])
  scope?: 'automatic' | 'all';

  @ApiPropertyOptional({ example: 'One-Click' })
  @IsOptional()
  @IsIn(['One-Click'])
  'List-Unsubscribe'?: string;
}
