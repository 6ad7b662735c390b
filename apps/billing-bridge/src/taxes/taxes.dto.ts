import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Money } from '@frontoffice/contracts';
import { ApiMoney } from '@frontoffice/platform';
import { Type } from 'class-transformer';
import { IsInt, IsObject, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { NonNegativeMoney } from '../folios/money-input';

const rate = (description: string) =>
  ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 10000, description: `${description}, basis points` });

/** VAT rates in basis points (1000 = 10 %); a type left out keeps its current rate. */
export class VatRatesDto {
  @rate('Accommodation') @IsOptional() @IsInt() @Min(0) @Max(10_000) room?: number;
  @rate('Food and beverage') @IsOptional() @IsInt() @Min(0) @Max(10_000) food_beverage?: number;
  @rate('Bookings made for the guest') @IsOptional() @IsInt() @Min(0) @Max(10_000) local_booking?: number;
  @rate('Transport') @IsOptional() @IsInt() @Min(0) @Max(10_000) transport?: number;
  @rate('Amenities') @IsOptional() @IsInt() @Min(0) @Max(10_000) amenity?: number;
  @rate('Anything else') @IsOptional() @IsInt() @Min(0) @Max(10_000) other?: number;
}

export class UpdateTaxSettingsDto {
  @ApiPropertyOptional({ type: VatRatesDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => VatRatesDto)
  vatRates?: VatRatesDto;

  @ApiMoney({ description: 'City tax (taxe de séjour) per adult per night' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => NonNegativeMoney)
  cityTaxPerPersonPerNight?: NonNegativeMoney;
}

export class TaxSettingsView {
  @ApiProperty() propertyId!: string;
  @ApiProperty({ description: 'Basis points by charge type (1000 = 10 %)', example: { room: 1000, other: 2000 } })
  vatRates!: Record<string, number>;
  @ApiMoney() cityTaxPerPersonPerNight!: Money;
  @ApiProperty({ description: 'False while the French defaults apply' }) configured!: boolean;
}
