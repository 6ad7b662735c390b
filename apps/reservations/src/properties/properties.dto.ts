import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Money } from '@frontoffice/contracts';
import { ApiMoney, NonNegativeMoney } from '@frontoffice/platform';
import { Type } from 'class-transformer';
import {
  IsISO31661Alpha2,
  IsISO4217CurrencyCode,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsTimeZone,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

const HOUR_MINUTE = /^([01]\d|2[0-3]):[0-5]\d$/;

export class DeskHoursDto {
  @ApiProperty({ example: '07:00' })
  @Matches(HOUR_MINUTE, { message: 'open must be HH:mm' })
  open!: string;

  @ApiProperty({ example: '23:00' })
  @Matches(HOUR_MINUTE, { message: 'close must be HH:mm' })
  close!: string;
}

export class CreatePropertyDto {
  @ApiProperty({ example: 'PAR-OPERA', description: 'Short code, unique in the chain' })
  @Matches(/^[A-Z0-9][A-Z0-9_-]{0,15}$/, { message: 'code must be 1-16 upper-case letters, digits, - or _' })
  code!: string;

  @ApiProperty({ example: 'Hôtel de l’Opéra' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ example: 'Europe/Paris', description: 'IANA time zone: stay and business dates are local to it' })
  @IsTimeZone()
  timezone!: string;

  @ApiProperty({ example: 'EUR' })
  @IsISO4217CurrencyCode()
  currency!: string;

  @ApiProperty({ example: 'FR', description: 'ISO 3166-1 alpha-2' })
  @IsISO31661Alpha2()
  country!: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 5 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  starRating?: number;

  @ApiPropertyOptional({ type: DeskHoursDto, description: 'Omit for a 24-hour desk' })
  @IsOptional()
  @ValidateNested()
  @Type(() => DeskHoursDto)
  deskHours?: DeskHoursDto;
}

export class PropertyView {
  @ApiProperty() id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() timezone!: string;
  @ApiProperty() currency!: string;
  @ApiProperty() country!: string;
  @ApiPropertyOptional({ nullable: true, type: Number }) starRating!: number | null;
  @ApiPropertyOptional({ nullable: true, type: DeskHoursDto }) deskHours!: DeskHoursDto | null;
  @ApiProperty({ example: '2026-11-29' }) businessDate!: string;
  @ApiProperty({ description: 'No-show policy: days after arrival the night audit waits before a no-show' })
  noShowGraceDays!: number;
}

export class UpdatePropertyDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 5 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  starRating?: number;

  @ApiPropertyOptional({ type: DeskHoursDto, nullable: true, description: 'null for a 24-hour desk' })
  @IsOptional()
  @ValidateNested()
  @Type(() => DeskHoursDto)
  deskHours?: DeskHoursDto | null;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 7,
    description: 'A confirmed booking not checked in is a no-show at the night audit of arrival + this many days',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(7)
  noShowGraceDays?: number;
}

export class PropertyList {
  @ApiProperty({ type: [PropertyView] }) items!: PropertyView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class CreateRoomTypeDto {
  @ApiProperty({ example: 'DBL' })
  @Matches(/^[A-Z0-9][A-Z0-9_-]{0,15}$/, { message: 'code must be 1-16 upper-case letters, digits, - or _' })
  code!: string;

  @ApiProperty({ example: 'Double room' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ minimum: 1, maximum: 20 })
  @IsInt()
  @Min(1)
  @Max(20)
  maxOccupancy!: number;

  @ApiProperty({ type: NonNegativeMoney, description: 'Nightly base rate; currency must be the property currency' })
  @IsObject()
  @ValidateNested()
  @Type(() => NonNegativeMoney)
  baseRate!: Money;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 500,
    default: 0,
    description: 'Rooms sellable beyond the physical count',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(500)
  overbookingAllowance?: number;
}

export class UpdateRoomTypeDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 20 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(20)
  maxOccupancy?: number;

  @ApiPropertyOptional({ type: NonNegativeMoney })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => NonNegativeMoney)
  baseRate?: Money;

  @ApiPropertyOptional({ minimum: 0, maximum: 500 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(500)
  overbookingAllowance?: number;
}

export class RoomTypeView {
  @ApiProperty() id!: string;
  @ApiProperty() propertyId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() maxOccupancy!: number;
  @ApiMoney() baseRate!: Money;
  @ApiProperty() overbookingAllowance!: number;
}

export class RoomTypeList {
  @ApiProperty({ type: [RoomTypeView] }) items!: RoomTypeView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
