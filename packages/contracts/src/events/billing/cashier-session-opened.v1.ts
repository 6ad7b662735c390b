import { Type } from 'class-transformer';
import { IsObject, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { Money } from '../../money';
import { IsLocalDate, IsUtcInstant } from '../../validators';

/** A desk agent opened a till with a float. */
export class CashierSessionOpenedV1 {
  @IsUUID()
  sessionId!: string;

  @IsString()
  @Length(1, 100)
  agentId!: string;

  @IsObject()
  @ValidateNested()
  @Type(() => Money)
  float!: Money;

  @IsLocalDate()
  businessDate!: string;

  @IsUtcInstant()
  openedAt!: string;
}
