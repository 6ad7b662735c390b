import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUtcInstant, Money, SERVICE_CHARGE_TYPES, type ServiceChargeType } from '@frontoffice/contracts';
import { ApiMoney, NonNegativeMoney, PageQuery } from '@frontoffice/platform';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';

export class CreateBookingDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  reservationId!: string;

  @ApiProperty({ example: 'Dinner for two at Le Petit Bistrot' })
  @IsString()
  @Length(1, 200)
  description!: string;

  @ApiProperty({ example: '2026-03-10T19:30:00.000Z' })
  @IsUtcInstant()
  bookedFor!: string;

  @ApiProperty({ minimum: 1, example: 2 })
  @IsInt()
  @Min(1)
  @Max(500)
  partySize!: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'The catalogue entry booked' })
  @IsOptional()
  @IsUUID()
  recommendationId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The guest request this booking fulfils' })
  @IsOptional()
  @IsUUID()
  requestId?: string;

  @ApiPropertyOptional({ type: NonNegativeMoney, description: 'Charged to the guest’s folio (tax included)' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => NonNegativeMoney)
  price?: Money;

  @ApiPropertyOptional({ enum: SERVICE_CHARGE_TYPES, default: 'local_booking' })
  @IsOptional()
  @IsIn(SERVICE_CHARGE_TYPES)
  chargeType?: ServiceChargeType;
}

export class BookingQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  reservationId?: string;
}

export class BookingView {
  @ApiProperty() id!: string;
  @ApiProperty() reservationId!: string;
  @ApiProperty({ nullable: true, type: String }) requestId!: string | null;
  @ApiProperty({ nullable: true, type: String }) recommendationId!: string | null;
  @ApiProperty() description!: string;
  @ApiProperty() bookedFor!: string;
  @ApiProperty() partySize!: number;
  @ApiMoney({ required: false, nullable: true }) price!: Money | null;
  @ApiProperty({ nullable: true, type: String }) chargeType!: string | null;
  @ApiProperty({ enum: ['booked', 'cancelled'] }) status!: string;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;
}

export class BookingList {
  @ApiProperty({ type: [BookingView] }) items!: BookingView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
