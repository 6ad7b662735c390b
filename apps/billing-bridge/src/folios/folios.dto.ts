import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Money } from '@frontoffice/contracts';
import { ApiMoney } from '@frontoffice/platform';
import { IsOptional, IsUUID } from 'class-validator';

export class FolioQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the folios of this reservation' })
  @IsOptional()
  @IsUUID()
  reservationId?: string;
}

export class FolioView {
  @ApiProperty() id!: string;
  @ApiProperty() propertyId!: string;
  @ApiProperty() reservationId!: string;
  @ApiProperty() confirmationNumber!: string;
  @ApiProperty() guestName!: string;
  @ApiProperty({ enum: ['open', 'settled', 'closed'] }) status!: string;
  @ApiMoney({ description: 'Positive: the guest owes the hotel' }) balance!: Money;
  @ApiProperty() openedAt!: string;
}

export class FolioDetailView extends FolioView {
  @ApiProperty({ type: [Object], description: 'Charges and credits (none until charges are posted)' })
  postings!: unknown[];
  @ApiProperty({ type: [Object], description: 'Payments recorded on the folio' }) payments!: unknown[];
}

export class FolioList {
  @ApiProperty({ type: [FolioView] }) items!: FolioView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
