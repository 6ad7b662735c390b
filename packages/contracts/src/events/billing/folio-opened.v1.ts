import { Type } from 'class-transformer';
import { Equals, IsObject, IsUUID, ValidateNested } from 'class-validator';
import { Money } from '../../money';

/** A guest account was opened for a reservation; charges and payments can now be posted to it. */
export class FolioOpenedV1 {
  @IsUUID()
  folioId!: string;

  @IsUUID()
  reservationId!: string;

  @Equals('open')
  status!: 'open';

  @IsObject()
  @ValidateNested()
  @Type(() => Money)
  balance!: Money;
}
