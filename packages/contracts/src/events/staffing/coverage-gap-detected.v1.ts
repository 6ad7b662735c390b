import { ArrayMinSize, IsArray, IsIn, IsInt, IsString, IsUUID, Length, Matches, Min } from 'class-validator';
import { IsLocalDate, IsUtcInstant } from '../../validators';
import { SCHEDULED_ROLES, type ScheduledRole } from './employee-updated.v1';

/**
 * Reservations changed after a schedule was published and one of its shifts is now short of people for a role.
 * Raised once per gap (schedule, date, shift, role).
 */
export class CoverageGapDetectedV1 {
  @IsUUID()
  gapId!: string;

  @IsUUID()
  scheduleId!: string;

  @IsUUID()
  propertyId!: string;

  @IsLocalDate()
  date!: string;

  @Matches(/^[a-z][a-z0-9_-]{0,31}$/)
  shift!: string;

  @IsIn(SCHEDULED_ROLES)
  role!: ScheduledRole;

  @IsUtcInstant()
  start!: string;

  @IsUtcInstant()
  end!: string;

  /** People the forecast now needs. */
  @IsInt()
  @Min(1)
  required!: number;

  /** People the published schedule has on that shift in that role. */
  @IsInt()
  @Min(0)
  scheduled!: number;

  /** Why the forecast needs them, in words. */
  @IsArray()
  @ArrayMinSize(1)
  @IsString({ each: true })
  @Length(1, 500, { each: true })
  reasons!: string[];

  @IsUtcInstant()
  detectedAt!: string;
}
