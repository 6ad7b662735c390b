import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Money } from '@frontoffice/contracts';
import { ApiMoney, PageQuery } from '@frontoffice/platform';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsUUID, Matches, ValidateNested } from 'class-validator';
import { NonNegativeMoney } from '../folios/money-input';
import { TILL_POLICIES, type TillPolicy } from './billing-property';

export class UpdateBillingSettingsDto {
  @ApiMoney({ description: 'Refunds above this amount need a front office manager approval' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => NonNegativeMoney)
  refundApprovalThreshold?: NonNegativeMoney;

  @ApiPropertyOptional({
    enum: TILL_POLICIES,
    description: 'What the night audit does with tills still open: close them (reported) or leave them open',
  })
  @IsOptional()
  @IsIn(TILL_POLICIES)
  tillPolicy?: TillPolicy;
}

export class BillingSettingsView {
  @ApiProperty() propertyId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() currency!: string;
  @ApiProperty() timezone!: string;
  @ApiProperty({ description: 'The business date billing posts to' }) businessDate!: string;
  @ApiMoney() refundApprovalThreshold!: Money;
  @ApiProperty({ enum: TILL_POLICIES }) tillPolicy!: TillPolicy;
}

export class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the actions on this refund, till, folio, invoice...' })
  @IsOptional()
  @IsUUID()
  subjectId?: string;

  @ApiPropertyOptional({ example: 'refund.approved' })
  @IsOptional()
  @Matches(/^[a-z-]+\.[a-z-]+$/, { message: 'action must look like refund.approved' })
  action?: string;
}

export class AuditEntryView {
  @ApiProperty() actor!: string;
  @ApiProperty() action!: string;
  @ApiProperty() subjectId!: string;
  @ApiPropertyOptional() reason?: string;
  @ApiProperty({ type: Object }) details!: Record<string, unknown>;
  @ApiProperty() at!: string;
}

export class AuditList {
  @ApiProperty({ type: [AuditEntryView] }) items!: AuditEntryView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
