import { defineEvent, type LatestPayloads } from '../../define-event';
import { TOPICS } from '../../topics';
import { EmployeeUpdatedV1 } from './employee-updated.v1';

export { EmployeeUpdatedV1, SCHEDULED_ROLES, type ScheduledRole } from './employee-updated.v1';

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
] as const;

export interface StaffingEventDataMap {
  'employee.updated': EmployeeUpdatedV1;
}

export const STAFFING_LATEST_PAYLOADS: LatestPayloads<StaffingEventDataMap> = {
  'employee.updated': EmployeeUpdatedV1,
};
