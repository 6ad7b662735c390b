import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsLocalDate, type Money } from '@frontoffice/contracts';
import { ApiMoney, PageQuery } from '@frontoffice/platform';
import { Type } from 'class-transformer';
import {
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  registerDecorator,
  ValidateNested,
  ValidationOptions,
} from 'class-validator';
import { PeriodQuery } from './period.dto';
import { ACCOUNT_ROLES, isValidSiren, JOURNAL_ROLES, type AccountRole, type JournalRole } from './chart-of-accounts';

/** 9 digits with a valid Luhn key, as INSEE issues them. */
function IsSiren(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isSiren',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isValidSiren(value),
        defaultMessage: () => 'siren must be 9 digits with a valid check digit',
      },
    });
}

export class JournalQuery {
  @ApiProperty({ example: '2026-03-10', description: 'The business date whose lines to read (YYYY-MM-DD)' })
  @IsLocalDate()
  businessDate!: string;
}

/** `?from&to` of the batches, paged by business date. */
export class JournalBatchQuery extends IntersectionType(PeriodQuery, PageQuery) {}

export class JournalLineView {
  @ApiProperty() entryId!: string;
  @ApiProperty({ nullable: true, type: Number, description: 'Number in its journal, given when the date closes' })
  entryNumber!: number | null;
  @ApiProperty({ example: 'VT' }) journalCode!: string;
  @ApiProperty({ example: 'charge' }) kind!: string;
  @ApiProperty({ description: 'The posting, payment, refund… the line comes from' }) sourceId!: string;
  @ApiProperty() businessDate!: string;
  @ApiProperty() lineNo!: number;
  @ApiProperty({ example: 'guest_ledger' }) accountRole!: string;
  @ApiProperty({ example: '411' }) account!: string;
  @ApiProperty() accountLabel!: string;
  @ApiPropertyOptional({ description: 'Sub-ledger: the folio, or the city-ledger account' }) auxAccount?: string;
  @ApiPropertyOptional() auxLabel?: string;
  @ApiProperty() label!: string;
  @ApiPropertyOptional({ format: 'uuid' }) folioId?: string;
  @ApiMoney() debit!: Money;
  @ApiMoney() credit!: Money;
  @ApiProperty({ nullable: true, type: String, description: 'The batch the line was closed into' })
  batchId!: string | null;
}

export class JournalTotals {
  @ApiMoney() debit!: Money;
  @ApiMoney() credit!: Money;
}

export class JournalBatchView {
  @ApiProperty() batchId!: string;
  @ApiProperty() businessDate!: string;
  @ApiMoney() debit!: Money;
  @ApiMoney() credit!: Money;
  @ApiProperty() entryCount!: number;
  @ApiProperty() lineCount!: number;
  @ApiProperty() closedAt!: string;
}

export class JournalView {
  @ApiProperty() businessDate!: string;
  @ApiProperty({ type: [JournalLineView] }) lines!: JournalLineView[];
  @ApiProperty({ type: JournalTotals }) totals!: JournalTotals;
  @ApiProperty({ type: JournalBatchView, nullable: true, description: 'Null while the date is open' })
  batch!: JournalBatchView | null;
}

export class JournalBatchList {
  @ApiProperty({ type: [JournalBatchView] }) items!: JournalBatchView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class ChartAccountDto {
  @ApiProperty({ example: '411000', description: 'Account number of the French chart (PCG): digits, class 1 to 7' })
  @IsString()
  @Matches(/^[1-7][0-9]{2,11}$/, { message: 'number must be 3 to 12 digits starting with a PCG class 1 to 7' })
  number!: string;

  @ApiProperty({ example: 'Clients - hébergés' })
  @IsString()
  @Length(1, 100)
  label!: string;
}

export class ChartJournalDto {
  @ApiProperty({ example: 'VT', description: 'FEC JournalCode' })
  @IsString()
  @Matches(/^[A-Z0-9]{1,8}$/, { message: 'code must be 1 to 8 capital letters or digits' })
  code!: string;

  @ApiProperty({ example: 'Ventes' })
  @IsString()
  @Length(1, 100)
  label!: string;
}

/** One optional, validated entry per known key; an unknown key is refused like any unknown field. */
function optionalNestedFields(target: object, keys: readonly string[], type: new () => object): void {
  for (const key of keys) {
    ApiPropertyOptional({ type })(target, key);
    IsOptional()(target, key);
    IsObject()(target, key);
    ValidateNested()(target, key);
    Type(() => type)(target, key);
  }
}

export class ChartAccountsDto implements Partial<Record<AccountRole, ChartAccountDto>> {}
optionalNestedFields(ChartAccountsDto.prototype, ACCOUNT_ROLES, ChartAccountDto);

export class ChartJournalsDto implements Partial<Record<JournalRole, ChartJournalDto>> {}
optionalNestedFields(ChartJournalsDto.prototype, JOURNAL_ROLES, ChartJournalDto);

export class UpdateJournalSettingsDto {
  @ApiPropertyOptional({ example: '732829320', description: 'The company SIREN (9 digits), names the FEC file' })
  @IsOptional()
  @IsSiren()
  siren?: string;

  @ApiPropertyOptional({ example: 'Hôtel de l’Opéra SAS' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  companyName?: string;

  @ApiPropertyOptional({ type: ChartAccountsDto, description: 'Account numbers to change, by account role' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ChartAccountsDto)
  accounts?: ChartAccountsDto;

  @ApiPropertyOptional({ type: ChartJournalsDto, description: 'Journal codes to change, by journal role' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ChartJournalsDto)
  journals?: ChartJournalsDto;
}

export class ChartView {
  @ApiProperty({ description: 'Every account role with its number and label (defaults: French PCG)' })
  accounts!: Record<AccountRole, { number: string; label: string }>;
  @ApiProperty() journals!: Record<JournalRole, { code: string; label: string }>;
}

export class JournalSettingsView {
  @ApiProperty() propertyId!: string;
  @ApiProperty({ nullable: true, type: String }) siren!: string | null;
  @ApiProperty({ nullable: true, type: String }) companyName!: string | null;
  @ApiProperty({ type: ChartView }) chart!: ChartView;
  @ApiProperty({ nullable: true, type: String }) updatedBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) updatedAt!: string | null;
}
