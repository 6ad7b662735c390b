import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsLocalDate, SCHEDULED_ROLES, type ScheduledRole } from '@frontoffice/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { SHIFT_CODE } from '../employees/employees.dto';

const HOUR_MINUTE = /^([01]\d|2[0-3]):[0-5]\d$/;

export class DemandQueryDto {
  @ApiProperty({ example: '2027-03-22' })
  @IsLocalDate()
  from!: string;

  @ApiProperty({ example: '2027-03-28', description: 'Inclusive; at most 62 days after from' })
  @IsLocalDate()
  to!: string;
}

export class DemandItemView {
  @ApiProperty({ example: '2027-03-22' }) date!: string;
  @ApiProperty({ example: 'evening' }) shift!: string;
  @ApiProperty({ example: '2027-03-22T14:00:00.000Z' }) start!: string;
  @ApiProperty({ example: '2027-03-22T22:00:00.000Z' }) end!: string;
  @ApiProperty({ enum: SCHEDULED_ROLES }) role!: ScheduledRole;
  @ApiProperty() required!: number;
  @ApiProperty({ type: [String] }) reasons!: string[];
  @ApiProperty({ type: [String] }) skills!: string[];
  @ApiProperty({ type: [String], description: 'Languages many arrivals of this shift speak' }) languages!: string[];
}

export class PeakView {
  @ApiProperty({ example: '15:00' }) from!: string;
  @ApiProperty({ example: '16:00' }) to!: string;
  @ApiProperty({ description: 'Expected transactions in that hour' }) count!: number;
}

export class DayForecastView {
  @ApiProperty() date!: string;
  @ApiProperty() arrivals!: number;
  @ApiProperty() departures!: number;
  @ApiProperty() inHouse!: number;
  @ApiProperty() vipArrivals!: number;
  @ApiProperty() groupArrivals!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) arrivalLanguages!: Record<string, number>;
  @ApiProperty({ type: PeakView }) checkInPeak!: PeakView;
  @ApiProperty({ type: PeakView }) checkOutPeak!: PeakView;
}

export class DemandView {
  @ApiProperty({ type: [DemandItemView] }) items!: DemandItemView[];
  @ApiProperty({ type: [DayForecastView], description: 'The reservation forecast the demand comes from' })
  forecast!: DayForecastView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class ShiftPatternDto {
  @ApiProperty({ example: 'morning' })
  @Matches(SHIFT_CODE, { message: 'code must be a lower-case shift code such as morning' })
  code!: string;

  @ApiProperty({ example: '07:00' })
  @Matches(HOUR_MINUTE, { message: 'start must be HH:mm' })
  start!: string;

  @ApiProperty({ example: '15:00', description: 'Not after start: the shift ends the next day' })
  @Matches(HOUR_MINUTE, { message: 'end must be HH:mm' })
  end!: string;
}

const hourlyProfile = (): PropertyDecorator => {
  const decorators = [
    IsOptional(),
    IsArray(),
    ArrayMinSize(24),
    ArrayMaxSize(24),
    IsNumber({}, { each: true }),
    Min(0, { each: true }),
  ];
  return (target, key) => decorators.forEach((decorator) => decorator(target, key));
};

/** Any subset of the staffing rules; what is left out keeps its current value. */
export class StaffingRulesDto {
  @ApiPropertyOptional({ type: [ShiftPatternDto] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(6)
  @ValidateNested({ each: true })
  @Type(() => ShiftPatternDto)
  shifts?: ShiftPatternDto[];

  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(0.5) @Max(60) minutesPerCheckIn?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(0.5) @Max(60) minutesPerCheckOut?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(0.3) @Max(1) targetUtilisation?: number;
  @ApiPropertyOptional({ type: [Number], description: '24 hourly weights' }) @hourlyProfile() checkInProfile?: number[];
  @ApiPropertyOptional({ type: [Number], description: '24 hourly weights' })
  @hourlyProfile()
  checkOutProfile?: number[];
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) smallPropertyMaxRooms?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) managerOnDutyMinRooms?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(6) conciergeMinStars?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) conciergeMinRooms?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) inHouseRoomsPerConcierge?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(6) porterMinStars?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) porterMinRooms?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(0.5) @Max(60) minutesPerLuggageMove?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(6) nightPorterMinStars?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) nightAuditorMinRooms?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) languageMatchMinArrivals?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(8) @Max(24) minRestHours?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(13) maxConsecutiveDays?: number;

  @ApiPropertyOptional({ example: { front_desk: ['cashiering'] }, description: 'Skills needed per role' })
  @IsOptional()
  @IsObject()
  requiredSkills?: Partial<Record<ScheduledRole, string[]>>;
}
