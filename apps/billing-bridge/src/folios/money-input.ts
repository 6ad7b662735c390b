import { ApiProperty } from '@nestjs/swagger';
import { IsCurrencyCode } from '@frontoffice/contracts';
import { IsInt, Max, Min } from 'class-validator';
import { RequestValidationException } from '@frontoffice/platform';

/** Money in a request that must be strictly positive: a charge, a payment, a refund. Integers only. */
export class PositiveMoney {
  @ApiProperty({ type: 'integer', minimum: 1, example: 12000, description: 'Minor units (cents): never a float' })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  amountMinor!: number;

  @ApiProperty({ example: 'EUR', pattern: '^[A-Z]{3}$' })
  @IsCurrencyCode()
  currency!: string;
}

/** Money in a request that may be zero: a float, a counted till, a threshold. */
export class NonNegativeMoney {
  @ApiProperty({ type: 'integer', minimum: 0, example: 20000, description: 'Minor units (cents): never a float' })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  amountMinor!: number;

  @ApiProperty({ example: 'EUR', pattern: '^[A-Z]{3}$' })
  @IsCurrencyCode()
  currency!: string;
}

export function money(amountMinor: number, currency: string): { amountMinor: number; currency: string } {
  return { amountMinor, currency };
}

/** A rule on one request field that the DTO alone cannot check: the same field-level 400 as DTO validation. */
export function invalidField(field: string, message: string): RequestValidationException {
  return new RequestValidationException([{ field, messages: [message] }]);
}
