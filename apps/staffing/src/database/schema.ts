import { ForecastReservationEntity, StaffingRulesEntity } from '../demand/forecast.entity';
import { EmployeeAbsenceEntity, EmployeeEntity } from '../employees/employee.entity';
import { StaffedPropertyEntity } from '../properties/staffed-property.entity';
import { ScheduleAssignmentEntity, ScheduleEntity } from '../schedules/schedule.entity';
import { StaffingInitial1764400300000 } from './migrations/1764400300000-staffing-initial';
import { StaffingCore1764401000000 } from './migrations/1764401000000-staffing-core';
import { ForecastAppliedPosition1764402000000 } from './migrations/1764402000000-forecast-applied-position';

export const STAFFING_ENTITIES = [
  StaffedPropertyEntity,
  EmployeeEntity,
  EmployeeAbsenceEntity,
  ForecastReservationEntity,
  StaffingRulesEntity,
  ScheduleEntity,
  ScheduleAssignmentEntity,
];
export const STAFFING_MIGRATIONS = [
  StaffingInitial1764400300000,
  StaffingCore1764401000000,
  ForecastAppliedPosition1764402000000,
];
