import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsLocalDate, Money, VIP_LEVELS, VipLevel } from '@frontoffice/contracts';
import { ApiMoney } from '@frontoffice/platform';
import { Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { RESERVATION_STATUSES, ReservationStatus } from './reservation-status';

export class GuestDto {
  @ApiProperty({ example: 'Camille' })
  @IsString()
  @Length(1, 100)
  firstName!: string;

  @ApiProperty({ example: 'Durand' })
  @IsString()
  @Length(1, 100)
  lastName!: string;

  @ApiPropertyOptional({ example: 'camille.durand@example.com' })
  @IsOptional()
  @IsEmail()
  email?: string;

  @ApiPropertyOptional({ example: '+33612345678', description: 'E.164' })
  @IsOptional()
  @Matches(/^\+[1-9]\d{6,14}$/, { message: 'phone must be in E.164 format, e.g. +33612345678' })
  phone?: string;

  @ApiPropertyOptional({ example: 'fr', description: 'BCP 47 language tag: the guest is addressed in it' })
  @IsOptional()
  @Matches(/^[a-z]{2,3}(-[A-Z]{2})?$/, { message: 'language must be a BCP 47 tag such as fr or en-GB' })
  language?: string;

  @ApiPropertyOptional({ enum: VIP_LEVELS, default: 'none' })
  @IsOptional()
  @IsIn(VIP_LEVELS)
  vipLevel?: VipLevel;
}

export class GuestViewDto extends GuestDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The guest profile' })
  guestId?: string;
}

export class CreateReservationDto {
  @ApiProperty({ type: GuestDto })
  @ValidateNested()
  @Type(() => GuestDto)
  guest!: GuestDto;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  roomTypeId!: string;

  @ApiProperty({ example: '2026-12-24', description: 'Property-local date' })
  @IsLocalDate()
  arrival!: string;

  @ApiProperty({ example: '2026-12-27', description: 'Property-local date, after arrival' })
  @IsLocalDate()
  departure!: string;

  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(20)
  adults!: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(20)
  children?: number;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  groupBlockId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Price on this rate plan (default: the property default plan)' })
  @IsOptional()
  @IsUUID()
  ratePlanId?: string;

  @ApiPropertyOptional({ example: 'phone', description: 'Channel the booking came from' })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  source?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  notes?: string;
}

export class UpdateReservationDto {
  @ApiPropertyOptional({ example: '2026-12-24' })
  @IsOptional()
  @IsLocalDate()
  arrival?: string;

  @ApiPropertyOptional({ example: '2026-12-27' })
  @IsOptional()
  @IsLocalDate()
  departure?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  roomTypeId?: string;

  @ApiPropertyOptional({ minimum: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(20)
  adults?: number;

  @ApiPropertyOptional({ minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(20)
  children?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  notes?: string;
}

export class CancelReservationDto {
  @ApiProperty({ example: 'Guest changed plans' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

export class SearchReservationsQuery {
  @ApiPropertyOptional({ description: 'Start of the guest first or last name, any case' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[A-Z0-9]{1,32}$/, { message: 'confirmationNumber must be upper-case letters and digits' })
  confirmationNumber?: string;

  @ApiPropertyOptional({ description: 'Stays with a night on or after this date' })
  @IsOptional()
  @IsLocalDate()
  from?: string;

  @ApiPropertyOptional({ description: 'Stays with a night before this date' })
  @IsOptional()
  @IsLocalDate()
  to?: string;

  @ApiPropertyOptional({ description: 'Arriving on this date' })
  @IsOptional()
  @IsLocalDate()
  arrival?: string;

  @ApiPropertyOptional({ enum: RESERVATION_STATUSES })
  @IsOptional()
  @IsIn(RESERVATION_STATUSES)
  status?: ReservationStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  groupBlockId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,200}$/, { message: 'cursor must be a value from nextCursor' })
  cursor?: string;
}

export class NightView {
  @ApiProperty({ example: '2026-12-24' }) date!: string;
  @ApiMoney() price!: Money;
}

export class ReservationView {
  @ApiProperty() id!: string;
  @ApiProperty() propertyId!: string;
  @ApiProperty({ example: 'K7M2QX9A' }) confirmationNumber!: string;
  @ApiProperty({ enum: ['confirmed', 'checked_in', 'checked_out', 'cancelled', 'no_show'] }) status!: string;
  @ApiProperty({ type: GuestViewDto }) guest!: GuestViewDto;
  @ApiProperty() roomTypeId!: string;
  @ApiProperty() arrival!: string;
  @ApiProperty() departure!: string;
  @ApiProperty() adults!: number;
  @ApiProperty() children!: number;
  @ApiPropertyOptional({ nullable: true, type: String }) roomId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) source!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) notes!: string | null;
  @ApiMoney() totalPrice!: Money;
  @ApiProperty({ type: [NightView] }) nights!: NightView[];
  @ApiPropertyOptional({ nullable: true, type: String }) groupBlockId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) ratePlanId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) checkedInAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) checkedOutAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) cancelledAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) cancelReason!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) noShowOn!: string | null;
}

export class ReservationList {
  @ApiProperty({ type: [ReservationView] }) items!: ReservationView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
