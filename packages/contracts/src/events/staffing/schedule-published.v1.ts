import { Type } from 'class-transformer';
import {
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsLocalDate, IsUtcInstant } from '../../validators';
import { SCHEDULED_ROLES, type ScheduledRole } from './employee-updated.v1';

/** One person on one shift. `employeeId` is the employee's token `sub`. */
export class ScheduledShiftV1 {
  @IsString()
  @Length(1, 100)
  employeeId!: string;

  @IsIn(SCHEDULED_ROLES)
  role!: ScheduledRole;

  /** The property-local date the shift starts on. */
  @IsLocalDate()
  date!: string;

  /** The shift's code in the property's pattern, e.g. 'morning', 'evening', 'night'. */
  @Matches(/^[a-z][a-z0-9_-]{0,31}$/)
  shift!: string;

  @IsUtcInstant()
  start!: string;

  @IsUtcInstant()
  end!: string;
}

/**
 * The front office manager published a schedule: these are the shifts everybody works. Sent again with every shift
 * when a repair (after an absence) is applied: a consumer replaces what it held for `scheduleId`.
 */
export class SchedulePublishedV1 {
  @IsUUID()
  scheduleId!: string;

  @IsUUID()
  propertyId!: string;

  @IsLocalDate()
  weekStart!: string;

  /** Days covered from `weekStart` (7 per week). */
  @IsInt()
  @Min(1)
  @Max(28)
  days!: number;

  /** The manager's token `sub`. */
  @IsString()
  @Length(1, 100)
  publishedBy!: string;

  @IsUtcInstant()
  publishedAt!: string;

  @IsArray()
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ScheduledShiftV1)
  shifts!: ScheduledShiftV1[];

  /** Person-shifts of demand the schedule leaves uncovered (no one qualified or available). */
  @IsInt()
  @Min(0)
  unfilledSlots!: number;
}
