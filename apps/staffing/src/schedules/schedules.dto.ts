import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsLocalDate, SCHEDULED_ROLES, type ScheduledRole } from '@frontoffice/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { EMPLOYEE_ID, SHIFT_CODE } from '../employees/employees.dto';
import { PageQuery } from '@frontoffice/platform';

export class CreateScheduleDto {
  @ApiProperty({ example: '2027-03-22', description: 'First day of the schedule' })
  @IsLocalDate()
  weekStart!: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 4, default: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(4)
  weeks?: number;
}

export class AssignmentRefDto {
  @ApiProperty({ example: 'emp-42' })
  @Matches(EMPLOYEE_ID, { message: 'employeeId must be an employee id such as emp-42' })
  employeeId!: string;

  @ApiProperty({ enum: SCHEDULED_ROLES })
  @IsIn(SCHEDULED_ROLES)
  role!: ScheduledRole;

  @ApiProperty({ example: '2027-03-22' })
  @IsLocalDate()
  date!: string;

  @ApiProperty({ example: 'morning' })
  @Matches(SHIFT_CODE, { message: 'shift must be a shift code such as morning' })
  shift!: string;
}

export class EditAssignmentsDto {
  @ApiPropertyOptional({ type: [AssignmentRefDto], description: 'Shifts to take away (role is ignored)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => AssignmentRefDto)
  remove?: AssignmentRefDto[];

  @ApiPropertyOptional({ type: [AssignmentRefDto], description: 'Shifts to give' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => AssignmentRefDto)
  add?: AssignmentRefDto[];
}

export class MyShiftsQueryDto {
  @ApiProperty({ example: '2027-03-22' }) @IsLocalDate() from!: string;
  @ApiProperty({ example: '2027-03-28' }) @IsLocalDate() to!: string;
}

export class AbsenceDto {
  @ApiProperty({ enum: ['holiday', 'sick', 'other'] })
  @IsIn(['holiday', 'sick', 'other'])
  kind!: 'holiday' | 'sick' | 'other';

  @ApiProperty({ example: '2027-03-23' }) @IsLocalDate() from!: string;
  @ApiProperty({ example: '2027-03-24', description: 'Inclusive' }) @IsLocalDate() to!: string;

  @ApiPropertyOptional({ example: 'flu' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  note?: string;
}

export class AssignmentView {
  @ApiProperty() employeeId!: string;
  @ApiProperty({ enum: SCHEDULED_ROLES }) role!: ScheduledRole;
  @ApiProperty() date!: string;
  @ApiProperty() shift!: string;
  @ApiProperty() start!: string;
  @ApiProperty() end!: string;
}

export class UnfilledView {
  @ApiProperty() date!: string;
  @ApiProperty() shift!: string;
  @ApiProperty({ enum: SCHEDULED_ROLES }) role!: ScheduledRole;
  @ApiProperty() missing!: number;
  @ApiProperty({ enum: ['no_one_qualified', 'no_one_available', 'limits_reached'] }) reason!: string;
  @ApiProperty() explanation!: string;
}

export class ViolationView {
  @ApiProperty() rule!: string;
  @ApiProperty() employeeId!: string;
  @ApiPropertyOptional() date?: string;
  @ApiPropertyOptional() shift?: string;
  @ApiProperty() message!: string;
}

export class ScheduleView {
  @ApiProperty() id!: string;
  @ApiProperty() propertyId!: string;
  @ApiProperty({ enum: ['draft', 'published'] }) status!: string;
  @ApiProperty() weekStart!: string;
  @ApiProperty() days!: number;
  @ApiProperty({ type: [AssignmentView] }) assignments!: AssignmentView[];
  @ApiProperty({ type: [UnfilledView] }) unfilled!: UnfilledView[];
  @ApiProperty({ type: [ViolationView] }) violations!: ViolationView[];
  @ApiProperty({ description: 'How the draft was solved: HiGHS statuses, model size, objective, seconds' })
  solver!: Record<string, unknown>;
  @ApiPropertyOptional({ nullable: true, type: String }) publishedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) publishedBy!: string | null;
}

export class ShiftList {
  @ApiProperty({ type: [AssignmentView] }) items!: AssignmentView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class RepairView {
  @ApiProperty() id!: string;
  @ApiProperty() scheduleId!: string;
  @ApiProperty({ enum: ['proposed', 'applied'] }) status!: string;
  @ApiProperty({ type: [AssignmentView], description: 'Shifts taken away' }) removed!: AssignmentView[];
  @ApiProperty({ type: [AssignmentView], description: 'Shifts given to someone else' }) added!: AssignmentView[];
  @ApiProperty({ type: [UnfilledView] }) unfilled!: UnfilledView[];
}

export class AbsenceView {
  @ApiProperty() id!: string;
  @ApiProperty() employeeId!: string;
  @ApiProperty() kind!: string;
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ type: [RepairView], description: 'Proposed repairs of published schedules the absence breaks' })
  repairs!: RepairView[];
}

export class ScheduleListQueryDto extends PageQuery {
  @ApiPropertyOptional({ example: '2027-03-22' })
  @IsOptional()
  @IsLocalDate()
  weekStart?: string;

  @ApiPropertyOptional({ enum: ['draft', 'published'] })
  @IsOptional()
  @IsIn(['draft', 'published'])
  status?: 'draft' | 'published';
}

export class ScheduleSummary {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['draft', 'published'] }) status!: string;
  @ApiProperty() weekStart!: string;
  @ApiProperty() days!: number;
  @ApiProperty() unfilled!: number;
  @ApiProperty() violations!: number;
  @ApiPropertyOptional({ nullable: true, type: String }) publishedAt!: string | null;
}

export class ScheduleList {
  @ApiProperty({ type: [ScheduleSummary] }) items!: ScheduleSummary[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
