import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsString, IsUUID, Length, Min, ValidateNested } from 'class-validator';
import { Money } from '../../money';
import { IsLocalDate, IsUtcInstant, Omittable } from '../../validators';
import { INVOICE_KINDS, type InvoiceKind } from './vocabulary';

/**
 * An invoice (or a credit note correcting one) was issued with the property's next number; numbers have no gaps
 * and issued documents never change.
 */
export class InvoiceIssuedV1 {
  @IsUUID()
  invoiceId!: string;

  @IsIn(INVOICE_KINDS)
  kind!: InvoiceKind;

  /** What is printed, e.g. 'PAR-OPERA-000042'. */
  @IsString()
  @Length(1, 64)
  invoiceNumber!: string;

  /** The property's sequence number, without gaps. */
  @IsInt()
  @Min(1)
  sequenceNumber!: number;

  @IsUUID()
  folioId!: string;

  @IsUUID()
  reservationId!: string;

  @Omittable()
  @IsUUID()
  correctsInvoiceId?: string;

  @Omittable()
  @IsUUID()
  cityLedgerAccountId?: string;

  @IsObject()
  @ValidateNested()
  @Type(() => Money)
  total!: Money;

  @IsObject()
  @ValidateNested()
  @Type(() => Money)
  net!: Money;

  @IsObject()
  @ValidateNested()
  @Type(() => Money)
  vat!: Money;

  @IsObject()
  @ValidateNested()
  @Type(() => Money)
  cityTax!: Money;

  @IsLocalDate()
  businessDate!: string;

  @IsUtcInstant()
  issuedAt!: string;
}
