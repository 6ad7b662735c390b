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

export class NightView {
  @ApiProperty({ example: '2026-12-24' }) date!: string;
  @ApiMoney() price!: Money;
}

export class ReservationView {
  @ApiProperty() id!: string;
  @ApiProperty() propertyId!: string;
  @ApiProperty({ example: 'K7M2QX9A' }) confirmationNumber!: string;
  @ApiProperty({ enum: ['confirmed', 'checked_in', 'checked_out', 'cancelled', 'no_show'] }) status!: string;
  @ApiProperty({ type: GuestDto }) guest!: GuestDto;
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
}
