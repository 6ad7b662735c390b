import { ArrayMinSize, IsArray, IsBoolean, IsIn, IsString, IsUUID, Length } from 'class-validator';
import { IsLanguageTag } from '../../validators';

/** The roles staffing schedules; they match the token roles of the same name. */
export const SCHEDULED_ROLES = ['front_desk', 'concierge', 'porter', 'front_office_manager', 'night_auditor'] as const;
export type ScheduledRole = (typeof SCHEDULED_ROLES)[number];

/**
 * An employee was registered or changed: who can be assigned what. Other services keep a local directory from it
 * (e.g. the concierge only assigns luggage to porters). `employeeId` is the token `sub` of that employee.
 */
export class EmployeeUpdatedV1 {
  @IsString()
  @Length(1, 100)
  employeeId!: string;

  @IsString()
  @Length(1, 200)
  name!: string;

  @IsArray()
  @ArrayMinSize(1)
  @IsIn(SCHEDULED_ROLES, { each: true })
  roles!: ScheduledRole[];

  @IsArray()
  @IsLanguageTag({ each: true })
  languages!: string[];

  /** False once the employee left; assignments to them stop. */
  @IsBoolean()
  active!: boolean;

  /** The property this event is about (an employee shared by a chain gets one event per property). */
  @IsUUID()
  propertyId!: string;
}
