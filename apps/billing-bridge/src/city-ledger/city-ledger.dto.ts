import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Money } from '@frontoffice/contracts';
import { ApiMoney } from '@frontoffice/platform';
import { Type } from 'class-transformer';
import { IsBoolean, IsObject, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { NonNegativeMoney } from '../folios/money-input';

export class CreateCityLedgerAccountDto {
  @ApiProperty({ example: 'ACME' })
  @Matches(/^[A-Z0-9][A-Z0-9_-]{0,31}$/, { message: 'code must be 1-32 upper-case letters, digits, - or _' })
  code!: string;

  @ApiProperty({ example: 'ACME Corporation' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({ example: 'FR40303265045' })
  @IsOptional()
  @Matches(/^[A-Z]{2}[A-Z0-9]{2,13}$/, { message: 'vatNumber must be an EU VAT number such as FR40303265045' })
  vatNumber?: string;

  @ApiPropertyOptional({ example: '1 rue de la Paix, 75002 Paris' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  billingAddress?: string;

  @ApiPropertyOptional({ type: NonNegativeMoney, description: 'Transfers beyond this are refused' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => NonNegativeMoney)
  creditLimit?: NonNegativeMoney;
}

export class UpdateCityLedgerAccountDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[A-Z]{2}[A-Z0-9]{2,13}$/, { message: 'vatNumber must be an EU VAT number such as FR40303265045' })
  vatNumber?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 500)
  billingAddress?: string;

  @ApiPropertyOptional({ type: NonNegativeMoney })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => NonNegativeMoney)
  creditLimit?: NonNegativeMoney;

  @ApiPropertyOptional({ description: 'False: no new transfers to this account' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class CityLedgerAccountView {
  @ApiProperty() id!: string;
  @ApiProperty() propertyId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiPropertyOptional() vatNumber?: string;
  @ApiPropertyOptional() billingAddress?: string;
  @ApiPropertyOptional() creditLimit?: Money;
  @ApiProperty() active!: boolean;
  @ApiMoney({ description: 'What the company owes: transfers and city-ledger payments minus refunds' }) balance!: Money;
  @ApiProperty() createdAt!: string;
}

export class CityLedgerAccountList {
  @ApiProperty({ type: [CityLedgerAccountView] }) items!: CityLedgerAccountView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
