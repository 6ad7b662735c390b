import type { LatestPayloads } from '../../define-event';

export const STAFFING_EVENTS = [] as const;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled as staffing publishes events
export interface StaffingEventDataMap {}

export const STAFFING_LATEST_PAYLOADS: LatestPayloads<StaffingEventDataMap> = {};
