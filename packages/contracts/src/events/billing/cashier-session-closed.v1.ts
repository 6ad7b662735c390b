import { Type } from 'class-transformer';
import { IsBoolean, IsObject, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { Money } from '../../money';
import { IsLocalDate, IsUtcInstant, Omittable } from '../../validators';

/**
 * A till was closed: by its agent with a blind count, or automatically by the night audit (then `counted` and
 * `variance` are absent until a front office manager counts it at sign-off).
 */
export class CashierSessionClosedV1 {
  @IsUUID()
  sessionId!: string;

  @IsString()
  @Length(1, 100)
  agentId!: string;

  /** Float plus cash taken minus cash refunded. */
  @IsObject()
  @ValidateNested()
  @Type(() => Money)
  expected!: Money;

  @Omittable()
  @IsObject()
  @ValidateNested()
  @Type(() => Money)
  counted?: Money;

  /** counted − expected: negative when the till is short. */
  @Omittable()
  @IsObject()
  @ValidateNested()
  @Type(() => Money)
  variance?: Money;

  @IsBoolean()
  autoClosed!: boolean;

  @IsString()
  @Length(1, 100)
  closedBy!: string;

  @IsLocalDate()
  businessDate!: string;

  @IsUtcInstant()
  closedAt!: string;
}
