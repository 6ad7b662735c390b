import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsLocalDate, Money } from '@frontoffice/contracts';
import { ApiMoney } from '@frontoffice/platform';
import { IsOptional, IsUUID } from 'class-validator';

export class AvailabilityQuery {
  @ApiProperty({ example: '2027-03-27', description: 'First night' })
  @IsLocalDate()
  from!: string;

  @ApiProperty({ example: '2027-03-30', description: 'Departure: the night before it is the last one' })
  @IsLocalDate()
  to!: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  roomTypeId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Price on this plan instead of the default one' })
  @IsOptional()
  @IsUUID()
  ratePlanId?: string;
}

export class AvailabilityItem {
  @ApiProperty() roomTypeId!: string;
  @ApiProperty({ example: '2027-03-27' }) date!: string;
  @ApiProperty({ description: 'Rooms that can still be sold that night' }) available!: number;
  @ApiMoney({ description: 'The night’s price' }) price!: Money;
  @ApiProperty() rooms!: number;
  @ApiProperty() outOfOrder!: number;
  @ApiProperty() booked!: number;
  @ApiProperty({ description: 'Held for group blocks, not yet picked up' }) blocked!: number;
  @ApiProperty() overbookingAllowance!: number;
}

export class AvailabilityList {
  @ApiProperty({ type: [AvailabilityItem] }) items!: AvailabilityItem[];
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Stay price per room type id' })
  stayPrices!: Record<string, Money>;
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
