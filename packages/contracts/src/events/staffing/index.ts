import { defineEvent, type LatestPayloads } from '../../define-event';
import { TOPICS } from '../../topics';
import { CoverageGapDetectedV1 } from './coverage-gap-detected.v1';
import { EmployeeUpdatedV1 } from './employee-updated.v1';
import { SchedulePublishedV1 } from './schedule-published.v1';

export { CoverageGapDetectedV1 } from './coverage-gap-detected.v1';
export { EmployeeUpdatedV1, SCHEDULED_ROLES, type ScheduledRole } from './employee-updated.v1';
export { SchedulePublishedV1, ScheduledShiftV1 } from './schedule-published.v1';

const topic = TOPICS.staffing;

export const STAFFING_EVENTS = [
  defineEvent({
    type: 'employee.updated',
    version: 1,
    topic,
    payload: EmployeeUpdatedV1,
    subject: 'employeeId',
    summary: 'An employee was registered or changed: name, roles, languages, whether still active.',
  }),
  defineEvent({
    type: 'schedule.published',
    version: 1,
    topic,
    payload: SchedulePublishedV1,
    subject: 'scheduleId',
    summary:
      'The front office manager published a schedule, or applied a repair to it: every shift, who works it and in which role.',
  }),
  defineEvent({
    type: 'staffing.coverage-gap-detected',
    version: 1,
    topic,
    payload: CoverageGapDetectedV1,
    subject: 'gapId',
    summary: 'Reservations changed after publication and a published shift is now short of people for a role.',
  }),
] as const;

export interface StaffingEventDataMap {
  'employee.updated': EmployeeUpdatedV1;
  'schedule.published': SchedulePublishedV1;
  'staffing.coverage-gap-detected': CoverageGapDetectedV1;
}

export const STAFFING_LATEST_PAYLOADS: LatestPayloads<StaffingEventDataMap> = {
  'employee.updated': EmployeeUpdatedV1,
  'schedule.published': SchedulePublishedV1,
  'staffing.coverage-gap-detected': CoverageGapDetectedV1,
};
