import { OptionalReservationId, OptionalRoomNumber } from '../common/dto-fields';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  COMPENSATION_KINDS,
  COMPLAINT_CATEGORIES,
  IsLocalDate,
  Money,
  type CompensationKind,
  type ComplaintCategory,
} from '@frontoffice/contracts';
import { ApiMoney, NonNegativeMoney, PageQuery } from '@frontoffice/platform';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';

export class CompensationInputDto {
  @ApiProperty({ enum: COMPENSATION_KINDS })
  @IsIn(COMPENSATION_KINDS)
  kind!: CompensationKind;

  @ApiProperty({
    type: NonNegativeMoney,
    description: 'Positive: the value credited to the guest (a free service is valued too)',
  })
  @IsObject()
  @ValidateNested()
  @Type(() => NonNegativeMoney)
  amount!: Money;

  @ApiProperty({ example: 'One night’s room rate for the noise' })
  @IsString()
  @Length(1, 500)
  description!: string;
}

export class LogComplaintDto {
  @ApiProperty({ enum: COMPLAINT_CATEGORIES })
  @IsIn(COMPLAINT_CATEGORIES)
  category!: ComplaintCategory;

  @ApiProperty({ example: 'Construction noise from 7am next to room 512' })
  @IsString()
  @Length(1, 2000)
  whatWentWrong!: string;

  @ApiProperty({ example: 'I could not sleep at all, this is unacceptable.', description: 'The guest’s own words' })
  @IsString()
  @Length(1, 4000)
  guestWords!: string;

  @OptionalReservationId()
  reservationId?: string;

  @OptionalRoomNumber()
  roomNumber?: string;

  @ApiPropertyOptional({ type: CompensationInputDto, description: 'Proposed now; the front office manager approves' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => CompensationInputDto)
  compensation?: CompensationInputDto;
}

export class ResolveComplaintDto {
  @ApiProperty({ example: 'Moved to a quiet room on the 7th floor, apologised in person' })
  @IsString()
  @Length(1, 2000)
  resolution!: string;
}

export class DecisionDto {
  @ApiPropertyOptional({ example: 'Long-standing guest' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  note?: string;
}

export class ComplaintQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['open', 'resolved'] })
  @IsOptional()
  @IsIn(['open', 'resolved'])
  status?: 'open' | 'resolved';

  @ApiPropertyOptional({ enum: COMPLAINT_CATEGORIES })
  @IsOptional()
  @IsIn(COMPLAINT_CATEGORIES)
  category?: ComplaintCategory;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  reservationId?: string;
}

export class ReportQuery {
  @ApiProperty({ example: '2026-03-01', description: 'Property-local date, inclusive' })
  @IsLocalDate()
  from!: string;

  @ApiProperty({ example: '2026-03-31', description: 'Property-local date, inclusive' })
  @IsLocalDate()
  to!: string;
}

export class CompensationView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: COMPENSATION_KINDS }) kind!: string;
  @ApiMoney() amount!: Money;
  @ApiProperty() description!: string;
  @ApiProperty({ enum: ['proposed', 'approved', 'rejected'] }) status!: string;
  @ApiProperty() proposedBy!: string;
  @ApiProperty() proposedAt!: string;
  @ApiProperty({ nullable: true, type: String }) decidedBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) decidedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) decisionNote!: string | null;
}

export class ComplaintView {
  @ApiProperty() id!: string;
  @ApiProperty() propertyId!: string;
  @ApiProperty({ description: 'The complaint request in the front office manager’s queue' }) requestId!: string;
  @ApiProperty({ enum: COMPLAINT_CATEGORIES }) category!: string;
  @ApiProperty({ nullable: true, type: String }) reservationId!: string | null;
  @ApiProperty({ nullable: true, type: String }) roomNumber!: string | null;
  @ApiProperty() whatWentWrong!: string;
  @ApiProperty() guestWords!: string;
  @ApiProperty({ nullable: true, type: String }) resolution!: string | null;
  @ApiProperty({ enum: ['open', 'resolved'] }) status!: string;
  @ApiProperty() loggedBy!: string;
  @ApiProperty() loggedAt!: string;
  @ApiProperty({ nullable: true, type: String }) resolvedBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) resolvedAt!: string | null;
  @ApiProperty({ nullable: true, type: CompensationView }) compensation!: CompensationView | null;
}

export class ComplaintList {
  @ApiProperty({ type: [ComplaintView] }) items!: ComplaintView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class CategoryReportLineView {
  @ApiProperty() category!: string;
  @ApiProperty() count!: number;
  @ApiProperty({ description: 'Share of the period’s complaints, 0..1' }) share!: number;
  @ApiProperty({ description: 'At least the recurrence threshold in the period' }) recurring!: boolean;
}

export class CategoryReportView {
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty() total!: number;
  @ApiProperty() recurrenceThreshold!: number;
  @ApiProperty({ type: [CategoryReportLineView] }) items!: CategoryReportLineView[];
}
