import type { RequestCategory, RequestPriority, RequestRole, VipLevel } from '@frontoffice/contracts';
import type { SlaPolicy } from '../settings/settings-rules';

export const REQUEST_STATUSES = ['open', 'assigned', 'in_progress', 'done', 'cancelled', 'deferred'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export type RequestAction = 'assign' | 'start' | 'complete' | 'cancel' | 'defer' | 'reopen';

/** Statuses still waiting for someone: they can breach their SLA and be escalated. */
export const ACTIVE_STATUSES: RequestStatus[] = ['open', 'assigned', 'in_progress'];

/** Who handles each category: porters carry luggage, the concierge books, the manager takes complaints. */
export const ROLE_FOR_CATEGORY: Record<RequestCategory, RequestRole> = {
  information: 'concierge',
  local_booking: 'concierge',
  amenity: 'front_desk',
  luggage: 'porter',
  wake_up: 'front_desk',
  maintenance: 'front_desk',
  complaint: 'front_office_manager',
};

const TRANSITIONS: Record<RequestAction, { from: RequestStatus[]; to: RequestStatus }> = {
  // Re-assigning an assigned request hands it to someone else; a deferred one comes back when assigned.
  assign: { from: ['open', 'assigned', 'deferred'], to: 'assigned' },
  start: { from: ['assigned'], to: 'in_progress' },
  complete: { from: ['in_progress'], to: 'done' },
  cancel: { from: ['open', 'assigned', 'in_progress', 'deferred'], to: 'cancelled' },
  defer: { from: ['open', 'assigned'], to: 'deferred' },
  reopen: { from: ['deferred'], to: 'open' },
};

/** The status after `action`, or an explanation of why the lifecycle refuses it. */
export function nextStatus(current: RequestStatus, action: RequestAction): RequestStatus | { refused: string } {
  const transition = TRANSITIONS[action];
  if (!transition.from.includes(current)) {
    return { refused: `A ${current.replace('_', ' ')} request cannot be ${pastTense(action)}` };
  }
  return transition.to;
}

function pastTense(action: RequestAction): string {
  return {
    assign: 'assigned',
    start: 'started',
    complete: 'completed',
    cancel: 'cancelled',
    defer: 'deferred',
    reopen: 'reopened',
  }[action];
}

const PRIORITY_RANK: Record<RequestPriority, number> = { low: 0, normal: 1, high: 2, urgent: 3 };

/** VIP guests are served first: a vip's request is at least high, a vvip's urgent. */
export function effectivePriority(asked: RequestPriority | undefined, vipLevel: VipLevel): RequestPriority {
  const floor: RequestPriority = vipLevel === 'vvip' ? 'urgent' : vipLevel === 'vip' ? 'high' : 'low';
  const wanted = asked ?? 'normal';
  return PRIORITY_RANK[wanted] >= PRIORITY_RANK[floor] ? wanted : floor;
}

export function priorityRank(priority: RequestPriority): number {
  return PRIORITY_RANK[priority];
}

/** Higher priority shortens the SLA: urgent gets a quarter of the category's time, low one and a half times. */
const PRIORITY_SLA_FACTOR: Record<RequestPriority, number> = { low: 1.5, normal: 1, high: 0.5, urgent: 0.25 };

/** When a request is due: an explicit time (a wake-up call at 06:30) wins, else the policy for its category. */
export function slaDueAt(
  category: RequestCategory,
  priority: RequestPriority,
  policy: SlaPolicy,
  createdAt: Date,
  requestedDueAt?: Date,
): Date {
  if (requestedDueAt) return requestedDueAt;
  const minutes = Math.max(1, Math.round(policy[category] * PRIORITY_SLA_FACTOR[priority]));
  return new Date(createdAt.getTime() + minutes * 60_000);
}

export interface EscalationCandidate {
  status: RequestStatus;
  dueAt: Date;
  escalatedAt: Date | null;
}

/** A request escalates once: while still being worked on, after its due time, and only if it never escalated. */
export function shouldEscalate(request: EscalationCandidate, now: Date): boolean {
  return request.escalatedAt === null && ACTIVE_STATUSES.includes(request.status) && request.dueAt <= now;
}

/**
 * Who may be given a request of this role: an active employee of the property holding that role. The front office
 * manager supervises every queue and may take any request.
 */
export function canBeAssigned(
  employee: { active: boolean; roles: string[] } | undefined,
  role: RequestRole,
): { ok: true } | { ok: false; reason: string } {
  if (!employee) return { ok: false, reason: 'is not in the staff directory of this property' };
  if (!employee.active) return { ok: false, reason: 'no longer works at this property' };
  if (employee.roles.includes(role) || employee.roles.includes('front_office_manager')) return { ok: true };
  return { ok: false, reason: `does not hold the ${role} role this request needs` };
}

/** Porters only see and update luggage requests. */
export function porterMayHandle(category: RequestCategory): boolean {
  return category === 'luggage';
}
