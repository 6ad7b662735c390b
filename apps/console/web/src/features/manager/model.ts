/** What staffing, billing-bridge and reservations answer, as far as the manager's screens read it. */
import type { Money } from '../concierge/kit';

export const SCHEDULED_ROLES = ['front_desk', 'concierge', 'porter', 'front_office_manager', 'night_auditor'] as const;
export type ScheduledRole = (typeof SCHEDULED_ROLES)[number];

export interface Assignment {
  employeeId: string;
  role: ScheduledRole;
  date: string;
  shift: string;
  start: string;
  end: string;
}

export interface Unfilled {
  date: string;
  shift: string;
  role: ScheduledRole;
  missing: number;
  reason: string;
  explanation: string;
}

export interface Violation {
  rule: string;
  employeeId: string;
  date?: string;
  shift?: string;
  message: string;
}

export interface Schedule {
  id: string;
  status: 'draft' | 'published';
  weekStart: string;
  days: number;
  assignments: Assignment[];
  unfilled: Unfilled[];
  violations: Violation[];
  publishedAt: string | null;
  publishedBy: string | null;
}

export interface ScheduleSummary {
  id: string;
  status: 'draft' | 'published';
  weekStart: string;
  days: number;
  unfilled: number;
  violations: number;
  publishedAt: string | null;
}

export interface StaffEmployee {
  id: string;
  name: string;
  roles: ScheduledRole[];
  languages: string[];
  contractHoursPerWeek: number;
  maxHoursPerWeek: number;
  active: boolean;
}

export interface DemandItem {
  date: string;
  shift: string;
  start: string;
  end: string;
  role: ScheduledRole;
  required: number;
  reasons: string[];
}

export interface DayForecast {
  date: string;
  arrivals: number;
  departures: number;
  inHouse: number;
  vipArrivals: number;
  groupArrivals: number;
}

export interface Repair {
  id: string;
  scheduleId: string;
  status: 'proposed' | 'applied';
  removed: Assignment[];
  added: Assignment[];
  unfilled: Unfilled[];
}

export interface Absence {
  id: string;
  employeeId: string;
  kind: string;
  from: string;
  to: string;
  note: string | null;
  repairs: Repair[];
}

export interface Refund {
  id: string;
  status: 'pending_approval' | 'issued' | 'rejected';
  paymentId: string;
  folioId: string;
  method: string;
  amount: Money;
  reason: string;
  requestedBy: string;
  approvedBy?: string;
  requestedAt: string;
}

export interface CashierSession {
  id: string;
  agentId: string;
  status: 'open' | 'closed' | 'signed_off';
  float: Money;
  businessDate: string;
  openedAt: string;
  closedAt?: string;
  autoClosed: boolean;
  expected?: Money;
  counted?: Money;
  variance?: Money;
  cashIn: Money;
  cashOut: Money;
  signedOffBy?: string;
  signOffNote?: string;
}

export interface NightAuditReport {
  auditId: string;
  businessDate: string;
  nextBusinessDate: string;
  noShows: number;
  roomNightsPosted: number;
  roomRevenue: Money;
  groupRoomNightsReleased: number;
  roomsTotal: number;
  roomsOutOfOrder: number;
  roomsAvailable: number;
  roomsSold: number;
  arrivals: number;
  departures: number;
  unassignedInHouse: string[];
  roomsStatusChanged: number;
  runBy: string;
  completedAt: string;
  replayed: boolean;
}

export interface Procedure {
  code: string;
  version: number;
  title: string;
  body: string;
  editedBy: string;
  editedAt: string;
  changeNote: string | null;
}

export interface GuestProfile {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  language: string | null;
  vipLevel: 'none' | 'vip' | 'vvip';
  vipNotes: string | null;
}
