import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Money } from '@frontoffice/contracts';
import { ApiMoney, PageQuery } from '@frontoffice/platform';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';

export class SettleFolioDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "Transfer what is still owed to this company's city-ledger account; otherwise the balance must be zero",
  })
  @IsOptional()
  @IsUUID()
  cityLedgerAccountId?: string;
}

export class CreateCreditNoteDto {
  @ApiProperty({ example: 'Invoice addressed to the wrong company' })
  @IsString()
  @Length(3, 500)
  reason!: string;
}

export class InvoiceQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  folioId?: string;
}

export class InvoiceLineView {
  @ApiProperty() postingId!: string;
  @ApiProperty() businessDate!: string;
  @ApiProperty() chargeType!: string;
  @ApiProperty() description!: string;
  @ApiMoney() amount!: Money;
  @ApiMoney() net!: Money;
  @ApiMoney() vat!: Money;
  @ApiMoney() cityTax!: Money;
  @ApiProperty() vatRateBasisPoints!: number;
}

export class VatLineView {
  @ApiProperty() rateBasisPoints!: number;
  @ApiMoney() net!: Money;
  @ApiMoney() vat!: Money;
}

export class InvoiceView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['invoice', 'credit_note'] }) kind!: 'invoice' | 'credit_note';
  @ApiProperty({ example: 'PAR-OPERA-000042' }) invoiceNumber!: string;
  @ApiProperty({ description: 'Per-property sequence, without gaps' }) sequenceNumber!: number;
  @ApiProperty() folioId!: string;
  @ApiProperty() reservationId!: string;
  @ApiPropertyOptional() correctsInvoiceId?: string;
  @ApiPropertyOptional() cityLedgerAccountId?: string;
  @ApiProperty() billTo!: string;
  @ApiMoney() total!: Money;
  @ApiMoney() net!: Money;
  @ApiMoney() vat!: Money;
  @ApiMoney() cityTax!: Money;
  @ApiProperty({ type: [InvoiceLineView] }) lines!: InvoiceLineView[];
  @ApiProperty({ type: [VatLineView] }) vatBreakdown!: VatLineView[];
  @ApiPropertyOptional() reason?: string;
  @ApiProperty() businessDate!: string;
  @ApiProperty() issuedBy!: string;
  @ApiProperty() issuedAt!: string;
}

export class InvoiceList {
  @ApiProperty({ type: [InvoiceView] }) items!: InvoiceView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
