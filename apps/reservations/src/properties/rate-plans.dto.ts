import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsLocalDate, Money } from '@frontoffice/contracts';
import { ApiMoney, NonNegativeMoney } from '@frontoffice/platform';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';

export class RatePlanPriceDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  roomTypeId!: string;

  @ApiProperty({ type: NonNegativeMoney, description: 'Nightly price; currency must be the property currency' })
  @IsObject()
  @ValidateNested()
  @Type(() => NonNegativeMoney)
  nightly!: Money;
}

export class RateOverrideDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  roomTypeId!: string;

  @ApiProperty({ example: '2027-06-11', description: 'First night the price applies to' })
  @IsLocalDate()
  from!: string;

  @ApiProperty({ example: '2027-06-13', description: 'Last night the price applies to (inclusive)' })
  @IsLocalDate()
  to!: string;

  @ApiProperty({ type: NonNegativeMoney })
  @IsObject()
  @ValidateNested()
  @Type(() => NonNegativeMoney)
  nightly!: Money;
}

export class CreateRatePlanDto {
  @ApiProperty({ example: 'BAR', description: 'Short code, unique in the property' })
  @Matches(/^[A-Z0-9][A-Z0-9_-]{0,15}$/, { message: 'code must be 1-16 upper-case letters, digits, - or _' })
  code!: string;

  @ApiProperty({ example: 'Best available rate' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({ description: 'Bookings without a ratePlanId are priced on the default plan' })
  @IsOptional()
  @IsBoolean()
  isDefault?: boolean;

  @ApiProperty({ type: [RatePlanPriceDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => RatePlanPriceDto)
  prices!: RatePlanPriceDto[];

  @ApiPropertyOptional({ type: [RateOverrideDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => RateOverrideDto)
  overrides?: RateOverrideDto[];
}

export class AddRateOverridesDto {
  @ApiProperty({ type: [RateOverrideDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => RateOverrideDto)
  overrides!: RateOverrideDto[];
}

export class RatePlanPriceView {
  @ApiProperty() roomTypeId!: string;
  @ApiMoney() nightly!: Money;
}

export class RateOverrideView {
  @ApiProperty() roomTypeId!: string;
  @ApiProperty() date!: string;
  @ApiMoney() nightly!: Money;
}

export class RatePlanView {
  @ApiProperty() id!: string;
  @ApiProperty() propertyId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() isDefault!: boolean;
  @ApiProperty({ type: [RatePlanPriceView] }) prices!: RatePlanPriceView[];
  @ApiProperty({ type: [RateOverrideView] }) overrides!: RateOverrideView[];
}

export class RatePlanList {
  @ApiProperty({ type: [RatePlanView] }) items!: RatePlanView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
