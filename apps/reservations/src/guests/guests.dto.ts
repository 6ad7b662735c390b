import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Money, VIP_LEVELS, VipLevel } from '@frontoffice/contracts';
import { ApiMoney } from '@frontoffice/platform';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';

export class GuestSearchQuery {
  @ApiPropertyOptional({ description: 'Start of the last or first name, or a whole email', example: 'Dur' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;

  @ApiPropertyOptional({ enum: VIP_LEVELS })
  @IsOptional()
  @IsIn(VIP_LEVELS)
  vipLevel?: VipLevel;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value,
  )
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  cursor?: string;
}

export class UpdateGuestDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 100)
  firstName?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 100)
  lastName?: string;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'null removes it' })
  @IsOptional()
  @IsEmail()
  email?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'E.164; null removes it' })
  @IsOptional()
  @Matches(/^\+[1-9]\d{6,14}$/, { message: 'phone must be in E.164 format, e.g. +33612345678' })
  phone?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'fr' })
  @IsOptional()
  @Matches(/^[a-z]{2,3}(-[A-Z]{2})?$/, { message: 'language must be a BCP 47 tag such as fr or en-GB' })
  language?: string | null;

  @ApiPropertyOptional({ type: [String], example: ['high floor', 'feather-free pillows'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  preferences?: string[];

  @ApiPropertyOptional({ enum: VIP_LEVELS, description: 'Front office manager only; needs a reason' })
  @IsOptional()
  @IsIn(VIP_LEVELS)
  vipLevel?: VipLevel;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'Front office manager only; needs a reason' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  vipNotes?: string | null;

  @ApiPropertyOptional({ description: 'Why: required when the VIP level or notes change (audited)' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  reason?: string;
}

export class EraseGuestDto {
  @ApiProperty({ example: 'Guest request by email of 2026-11-20 (GDPR art. 17)' })
  @IsString()
  @Length(3, 500)
  reason!: string;
}

export class GuestStayView {
  @ApiProperty() reservationId!: string;
  @ApiProperty() propertyId!: string;
  @ApiProperty() confirmationNumber!: string;
  @ApiProperty() status!: string;
  @ApiProperty() arrival!: string;
  @ApiProperty() departure!: string;
  @ApiProperty() roomTypeId!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) roomId!: string | null;
  @ApiMoney() totalPrice!: Money;
}

export class GuestView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['property', 'chain'] }) scope!: 'property' | 'chain';
  @ApiPropertyOptional({ nullable: true, type: String, description: 'null for a chain-wide profile' })
  propertyId!: string | null;
  @ApiProperty() firstName!: string;
  @ApiProperty() lastName!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) email!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) phone!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) language!: string | null;
  @ApiProperty({ enum: VIP_LEVELS }) vipLevel!: VipLevel;
  @ApiPropertyOptional({ nullable: true, type: String }) vipNotes!: string | null;
  @ApiProperty({ type: [String] }) preferences!: string[];
  @ApiProperty() erased!: boolean;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class GuestDetailView extends GuestView {
  @ApiProperty({ type: [GuestStayView], description: 'Stay history, latest first' }) stays!: GuestStayView[];
}

export class ServiceErasureView {
  @ApiProperty({ enum: ['reservations', 'billing-bridge', 'concierge', 'staffing'] }) service!: string;
  @ApiProperty({
    enum: ['done', 'requested'],
    description: "'done' in this request; 'requested': the service acts on guest.profile-updated (erased)",
  })
  status!: 'done' | 'requested';
  @ApiProperty({ type: [String], description: 'What the service scrubs' }) scrubbed!: string[];
  @ApiProperty({ type: [String], description: 'What it keeps because the law requires it' }) keptByLaw!: string[];
  @ApiPropertyOptional() note?: string;
}

export class ErasureReportView {
  @ApiProperty({ type: [String], description: 'Every reservation of the guest, at every property' })
  reservationIds!: string[];
  @ApiProperty({ type: [ServiceErasureView] }) services!: ServiceErasureView[];
}

export class GuestErasureView extends GuestDetailView {
  @ApiProperty({ type: ErasureReportView, description: 'What each service scrubs, and what is kept by law' })
  erasure!: ErasureReportView;
}

export class GuestList {
  @ApiProperty({ type: [GuestView] }) items!: GuestView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class GuestAuditView {
  @ApiProperty() action!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) field!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) oldValue!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) newValue!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty() actor!: string;
  @ApiProperty() propertyId!: string;
  @ApiProperty() at!: string;
}

export class GuestExportStay extends GuestStayView {
  @ApiProperty() guestFirstName!: string;
  @ApiProperty() guestLastName!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) guestEmail!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) guestPhone!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) notes!: string | null;
  @ApiProperty() adults!: number;
  @ApiProperty() children!: number;
  @ApiPropertyOptional({ nullable: true, type: String }) source!: string | null;
}

/** Everything the reservations service holds about a guest, for a data-access request. */
export class GuestExport {
  @ApiProperty() exportedAt!: string;
  @ApiProperty({ type: GuestView }) profile!: GuestView;
  @ApiProperty({ type: [GuestExportStay] }) stays!: GuestExportStay[];
  @ApiProperty({ type: [GuestAuditView] }) audit!: GuestAuditView[];
}
