import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsLanguageTag, SCHEDULED_ROLES, type ScheduledRole } from '@frontoffice/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

export const EMPLOYEE_ID = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,99}$/;
export const SHIFT_CODE = /^[a-z][a-z0-9_-]{0,31}$/;
const SKILL = /^[a-z][a-z0-9_-]{0,39}$/;

export class CreateEmployeeDto {
  @ApiPropertyOptional({
    example: 'emp-42',
    description: 'The token `sub` the employee logs in with; generated when omitted',
  })
  @IsOptional()
  @Matches(EMPLOYEE_ID, { message: 'employeeId must be 1-100 letters, digits, . _ : @ or -' })
  employeeId?: string;

  @ApiProperty({ example: 'Camille Durand' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ enum: SCHEDULED_ROLES, isArray: true, example: ['front_desk'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(SCHEDULED_ROLES, { each: true })
  roles!: ScheduledRole[];

  @ApiPropertyOptional({ example: ['cashiering'], description: 'Lower-case skill codes' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @Matches(SKILL, { each: true, message: 'each skill must be a lower-case code such as cashiering' })
  skills?: string[];

  @ApiPropertyOptional({ example: ['fr', 'en'], description: 'BCP 47 language tags' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsLanguageTag({ each: true })
  languages?: string[];

  @ApiProperty({ example: 35, minimum: 0, maximum: 60 })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(60)
  contractHoursPerWeek!: number;

  @ApiPropertyOptional({ example: 44, description: 'Defaults to the contract hours + 8, at most 48' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(72)
  maxHoursPerWeek?: number;

  @ApiPropertyOptional({ example: 5, description: 'Days in a row at most; the property rule when omitted' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(13)
  maxConsecutiveDays?: number;
}

export class UpdateEmployeeDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) name?: string;

  @ApiPropertyOptional({ enum: SCHEDULED_ROLES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(SCHEDULED_ROLES, { each: true })
  roles?: ScheduledRole[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @Matches(SKILL, { each: true, message: 'each skill must be a lower-case code such as cashiering' })
  skills?: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsLanguageTag({ each: true })
  languages?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(60)
  contractHoursPerWeek?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber({ maxDecimalPlaces: 2 }) @Min(0) @Max(72) maxHoursPerWeek?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(13) maxConsecutiveDays?: number;

  @ApiPropertyOptional({ description: 'False once the employee has left' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UnavailabilityDto {
  @ApiProperty({ minimum: 1, maximum: 7, description: 'ISO day of week, Monday = 1' })
  @IsInt()
  @Min(1)
  @Max(7)
  dayOfWeek!: number;

  @ApiPropertyOptional({ example: 'night', description: 'One shift only; the whole day when omitted' })
  @IsOptional()
  @Matches(SHIFT_CODE, { message: 'shift must be a shift code such as morning' })
  shift?: string;
}

export class AvailabilityDto {
  @ApiProperty({ type: [UnavailabilityDto], description: 'Recurring times the employee cannot work' })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => UnavailabilityDto)
  unavailable!: UnavailabilityDto[];
}

export class PreferenceDto {
  @ApiProperty({ enum: ['desired', 'undesired'] })
  @IsIn(['desired', 'undesired'])
  kind!: 'desired' | 'undesired';

  @ApiPropertyOptional({ minimum: 1, maximum: 7 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(7)
  dayOfWeek?: number;

  @ApiPropertyOptional({ example: 'morning' })
  @IsOptional()
  @Matches(SHIFT_CODE, { message: 'shift must be a shift code such as morning' })
  shift?: string;
}

export class PreferencesDto {
  @ApiProperty({ type: [PreferenceDto], description: 'Desired or undesired days, shifts, or shifts on a day' })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PreferenceDto)
  items!: PreferenceDto[];
}

export class EmployeeView {
  @ApiProperty() id!: string;
  @ApiProperty() propertyId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: SCHEDULED_ROLES, isArray: true }) roles!: ScheduledRole[];
  @ApiProperty({ type: [String] }) skills!: string[];
  @ApiProperty({ type: [String] }) languages!: string[];
  @ApiProperty() contractHoursPerWeek!: number;
  @ApiProperty() maxHoursPerWeek!: number;
  @ApiPropertyOptional({ nullable: true, type: Number }) maxConsecutiveDays!: number | null;
  @ApiProperty({ type: [UnavailabilityDto] }) unavailable!: UnavailabilityDto[];
  @ApiProperty({ type: [PreferenceDto] }) preferences!: PreferenceDto[];
  @ApiProperty() active!: boolean;
}

export class EmployeeList {
  @ApiProperty({ type: [EmployeeView] }) items!: EmployeeView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
