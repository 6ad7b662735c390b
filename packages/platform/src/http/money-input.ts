import { ApiProperty } from '@nestjs/swagger';
import { IsCurrencyCode } from '@frontoffice/contracts';
import { IsInt, Max, Min } from 'class-validator';

/**
 * The largest amount one request may carry, in minor units: 100,000,000,000 (a billion in a two-decimal currency).
 * No room night, charge or payment comes near it, and it keeps every sum a folio, a till or a journal day can reach
 * (tens of thousands of such amounts) exact in a JavaScript number, far below 2^53.
 */
export const MAX_AMOUNT_MINOR = 100_000_000_000;

const MINOR_UNITS = 'Minor units (cents): an integer, never a float';

/** Money in a request that must be strictly positive: a charge, a payment, a refund. */
export class PositiveMoney {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_AMOUNT_MINOR, example: 12000, description: MINOR_UNITS })
  @IsInt()
  @Min(1)
  @Max(MAX_AMOUNT_MINOR)
  amountMinor!: number;

  @ApiProperty({ example: 'EUR', pattern: '^[A-Z]{3}$' })
  @IsCurrencyCode()
  currency!: string;
}

/** Money in a request that may be zero, never negative: a price, a float, a counted till, a threshold. */
export class NonNegativeMoney {
  @ApiProperty({ type: 'integer', minimum: 0, maximum: MAX_AMOUNT_MINOR, example: 20000, description: MINOR_UNITS })
  @IsInt()
  @Min(0)
  @Max(MAX_AMOUNT_MINOR)
  amountMinor!: number;

  @ApiProperty({ example: 'EUR', pattern: '^[A-Z]{3}$' })
  @IsCurrencyCode()
  currency!: string;
}

/** Money in a request that may be negative (an adjustment, a credit), within the same cap either way. */
export class SignedMoney {
  @ApiProperty({
    type: 'integer',
    minimum: -MAX_AMOUNT_MINOR,
    maximum: MAX_AMOUNT_MINOR,
    example: -1500,
    description: MINOR_UNITS,
  })
  @IsInt()
  @Min(-MAX_AMOUNT_MINOR)
  @Max(MAX_AMOUNT_MINOR)
  amountMinor!: number;

  @ApiProperty({ example: 'EUR', pattern: '^[A-Z]{3}$' })
  @IsCurrencyCode()
  currency!: string;
}

/**
 * A `bigint`/`numeric` aggregate as node-postgres returns it (a string), as an exact number of minor units: a value
 * beyond the safe-integer range fails loudly instead of being rounded by a float.
 */
export function minorUnitsFrom(value: string | number | bigint | null | undefined): number {
  if (value === null || value === undefined) return 0;
  const amount = typeof value === 'string' ? Number(BigInt(value)) : Number(value);
  if (!Number.isSafeInteger(amount)) throw new RangeError(`Amount ${String(value)} exceeds the safe integer range`);
  return amount;
}
