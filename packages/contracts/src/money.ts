import { IsInt, Max, Min } from 'class-validator';
import { IsCurrencyCode } from './validators';

/**
 * An amount in minor units (cents for EUR, yen for JPY) with its currency. Integers only: binary floats cannot
 * hold 0.10 exactly, and a folio that drifts by a cent never balances. Negative amounts are allowed (credits,
 * refunds, a guest in credit). Beyond the safe-integer range JSON numbers silently lose precision in JavaScript.
 */
export class Money {
  @IsInt()
  @Min(Number.MIN_SAFE_INTEGER)
  @Max(Number.MAX_SAFE_INTEGER)
  amountMinor!: number;

  @IsCurrencyCode()
  currency!: string;
}
