import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EscalationReason, RequestCategory, RequestPriority, RequestRole, VipLevel } from '@frontoffice/contracts';
import {
  BusinessRuleViolation,
  ConflictError,
  CursorKey,
  ForbiddenError,
  KeyColumn,
  keyedPage,
  Keyset,
  NotFoundError,
  OutboxService,
  Page,
  pageLimit,
  Principal,
} from '@frontoffice/platform';
import { randomUUID } from 'node:crypto';
import { updateReturning } from '../common/sql';
import { DataSource, EntityManager } from 'typeorm';
import { isManager, isPorterOnly, iso } from '../common/desk-roles';
import { SettingsService } from '../settings/settings.service';
import { DirectoryService } from '../stays/directory.service';
import {
  canBeAssigned,
  effectivePriority,
  nextStatus,
  porterMayHandle,
  type RequestAction,
  type RequestStatus,
  ROLE_FOR_CATEGORY,
  slaDueAt,
} from './request-rules';
import { RequestHistoryView, RequestQuery, RequestView } from './requests.dto';

export interface RequestRow {
  id: string;
  property_id: string;
  category: RequestCategory;
  kind: string | null;
  description: string;
  reservation_id: string | null;
  room_number: string | null;
  guest_name: string | null;
  vip_level: VipLevel;
  priority: RequestPriority;
  role: RequestRole;
  status: RequestStatus;
  assignee_id: string | null;
  due_at: Date;
  deferred_until: Date | null;
  escalated_at: Date | null;
  escalation_reason: string | null;
  created_by: string;
  created_at: Date;
}

export function toRequestView(row: RequestRow, history?: RequestHistoryView[]): RequestView {
  return {
    id: row.id,
    propertyId: row.property_id,
    category: row.category,
    kind: row.kind,
    description: row.description,
    reservationId: row.reservation_id,
    roomNumber: row.room_number,
    guestName: row.guest_name,
    vipLevel: row.vip_level,
    priority: row.priority,
    role: row.role,
    status: row.status,
    assigneeId: row.assignee_id,
    dueAt: row.due_at.toISOString(),
    deferredUntil: iso(row.deferred_until) ?? null,
    escalated: row.escalated_at !== null,
    escalatedAt: iso(row.escalated_at) ?? null,
    escalationReason: row.escalation_reason,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    ...(history ? { history } : {}),
  };
}

export interface NewRequest {
  propertyId: string;
  category: RequestCategory;
  description: string;
  reservationId?: string;
  roomNumber?: string;
  priority?: RequestPriority;
  dueAt?: Date;
  /** System tasks: at most one per (reservation, kind). */
  kind?: string;
  /** Defaults to the category's role. */
  role?: RequestRole;
  createdBy: string;
}

/** Guest requests and internal tasks: creation with SLA, the lifecycle with its history, queues and escalation. */
/**
 * The request list order as one ascending keyset: most urgent priority first (its rank negated), earliest due,
 * oldest, then id as the tie-breaker.
 */
const URGENCY: KeyColumn[] = [
  { sql: "-(CASE priority WHEN 'urgent' THEN 3 WHEN 'high' THEN 2 WHEN 'normal' THEN 1 ELSE 0 END)", kind: 'int' },
  { sql: 'due_at', kind: 'timestamp' },
  { sql: 'created_at', kind: 'timestamp' },
  { sql: 'id', kind: 'uuid' },
];
const REQUEST_ORDER = new Keyset(URGENCY);
/** "My tasks": what is in progress before what is only assigned, each by urgency. */
const MINE_ORDER = new Keyset([{ sql: "CASE status WHEN 'in_progress' THEN 0 ELSE 1 END", kind: 'int' }, ...URGENCY]);

@Injectable()
export class RequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly settings: SettingsService,
    private readonly directory: DirectoryService,
  ) {}

  /** Opens a request in `manager`'s transaction; undefined when that system task already exists. */
  async open(manager: EntityManager, input: NewRequest): Promise<RequestRow | undefined> {
    const settings = await this.settings.get(input.propertyId, manager);
    const stay = input.reservationId
      ? await this.directory.requireStay(input.propertyId, input.reservationId, manager)
      : undefined;
    const vipLevel: VipLevel = stay?.vipLevel ?? 'none';
    const priority = effectivePriority(input.priority, vipLevel);
    const now = new Date();
    const dueAt = slaDueAt(input.category, priority, settings.slaMinutes, now, input.dueAt);
    const rows: RequestRow[] = await manager.query(
      `INSERT INTO guest_request (id, property_id, category, kind, description, reservation_id, room_number, guest_name,
                                  vip_level, priority, role, status, due_at, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'open', $12, $13, $14, $14)
       ON CONFLICT (reservation_id, kind) WHERE kind IS NOT NULL DO NOTHING
       RETURNING *`,
      [
        randomUUID(),
        input.propertyId,
        input.category,
        input.kind ?? null,
        input.description,
        input.reservationId ?? null,
        input.roomNumber ?? stay?.roomNumber ?? null,
        stay ? `${stay.firstName} ${stay.lastName}` : null,
        vipLevel,
        priority,
        input.role ?? ROLE_FOR_CATEGORY[input.category],
        dueAt,
        input.createdBy,
        now,
      ],
    );
    const request = rows[0];
    if (!request) return undefined;
    await this.record(manager, request.id, 'created', null, 'open', input.createdBy);
    await this.outbox.publish(manager, 'concierge.request-created', {
      propertyId: request.property_id,
      subject: request.id,
      data: {
        requestId: request.id,
        category: request.category,
        priority: request.priority,
        role: request.role,
        ...(request.kind ? { kind: request.kind } : {}),
        ...(request.reservation_id ? { reservationId: request.reservation_id } : {}),
        ...(request.room_number ? { roomNumber: request.room_number } : {}),
        dueAt: request.due_at.toISOString(),
        createdBy: request.created_by,
        createdAt: request.created_at.toISOString(),
      },
    });
    return request;
  }

  create(
    propertyId: string,
    input: Omit<NewRequest, 'propertyId' | 'createdBy' | 'kind' | 'role' | 'dueAt'> & { dueAt?: string },
    principal: Principal,
  ): Promise<RequestView> {
    if (isPorterOnly(principal) && !porterMayHandle(input.category)) {
      throw new ForbiddenError('porter-luggage-only', 'Porters open luggage requests only');
    }
    if (input.category === 'complaint') {
      throw new BusinessRuleViolation(
        'complaint-via-complaints',
        'Log complaints with POST /v1/properties/{propertyId}/complaints, which records the guest’s words',
        'category',
      );
    }
    const dueAt = input.dueAt ? new Date(input.dueAt) : undefined;
    if (dueAt && dueAt.getTime() <= Date.now()) {
      throw new BusinessRuleViolation('due-in-the-past', 'dueAt must be in the future', 'dueAt');
    }
    return this.dataSource.transaction(async (manager) => {
      const request = await this.open(manager, { ...input, dueAt, propertyId, createdBy: principal.sub });
      return toRequestView(request!);
    });
  }

  /** Sends a request to the front office manager now, unless it already went: once per request. */
  async escalate(
    manager: EntityManager,
    request: RequestRow,
    reason: EscalationReason,
  ): Promise<RequestRow | undefined> {
    const rows = await updateReturning<RequestRow>(
      manager,
      `UPDATE guest_request SET escalated_at = now(), escalation_reason = $2, updated_at = now()
        WHERE id = $1 AND escalated_at IS NULL RETURNING *`,
      [request.id, reason],
    );
    if (!rows[0]) return undefined;
    await this.announceEscalation(manager, rows[0], reason);
    return rows[0];
  }

  /** History and event for a request whose escalation marker this transaction has just set. */
  async announceEscalation(manager: EntityManager, request: RequestRow, reason: EscalationReason): Promise<void> {
    await this.record(manager, request.id, 'escalated', request.status, request.status, 'system', reason);
    await this.outbox.publish(manager, 'concierge.request-escalated', {
      propertyId: request.property_id,
      subject: request.id,
      data: {
        requestId: request.id,
        category: request.category,
        priority: request.priority,
        reason,
        escalatedTo: 'front_office_manager',
        dueAt: request.due_at.toISOString(),
        escalatedAt: (request.escalated_at ?? new Date()).toISOString(),
        ...(request.assignee_id ? { assigneeId: request.assignee_id } : {}),
        ...(request.reservation_id ? { reservationId: request.reservation_id } : {}),
        ...(request.room_number ? { roomNumber: request.room_number } : {}),
      },
    });
  }

  async record(
    manager: EntityManager,
    requestId: string,
    action: string,
    from: RequestStatus | null,
    to: RequestStatus,
    actor: string,
    note?: string,
  ): Promise<void> {
    await manager.query(
      'INSERT INTO request_history (request_id, action, from_status, to_status, actor, note) VALUES ($1, $2, $3, $4, $5, $6)',
      [requestId, action, from, to, actor, note ?? null],
    );
  }

  /**
   * Most urgent first: priority, then due time, then creation, then id as the tie-breaker. `mine` lists the
   * caller's unfinished tasks, in progress before assigned.
   */
  async list(propertyId: string, query: RequestQuery, principal: Principal, mine = false): Promise<Page<RequestView>> {
    let category = query.category;
    if (isPorterOnly(principal)) {
      if (category && !porterMayHandle(category)) {
        throw new ForbiddenError('porter-luggage-only', 'Porters see luggage requests only');
      }
      category = 'luggage';
    }
    const limit = pageLimit(query);
    const order = mine ? MINE_ORDER : REQUEST_ORDER;
    const after = order.after(query.cursor, 9);
    const rows: Array<RequestRow & { page_key: CursorKey }> = await this.dataSource.query(
      `SELECT *, ${order.pageKey} FROM guest_request
        WHERE property_id = $1
          AND ($2::text IS NULL OR status = $2)
          AND (NOT $8::boolean OR status IN ('assigned', 'in_progress'))
          AND ($3::text IS NULL OR category = $3)
          AND ($4::text IS NULL OR assignee_id = $4)
          AND ($5::uuid IS NULL OR reservation_id = $5)
          AND ($6::text IS NULL OR (status IN ('open', 'assigned', 'in_progress', 'deferred') AND (role = $6
               OR ($6 = 'front_office_manager' AND escalated_at IS NOT NULL))))
          AND ${after.sql}
        ORDER BY ${order.orderBy}
        LIMIT $7`,
      [
        propertyId,
        query.status ?? null,
        category ?? null,
        query.assigneeId ?? null,
        query.reservationId ?? null,
        query.queue ?? null,
        limit + 1,
        mine,
        ...after.parameters,
      ],
    );
    return keyedPage(rows, limit, (row) => toRequestView(row));
  }

  async get(propertyId: string, requestId: string, principal: Principal): Promise<RequestView> {
    const rows: RequestRow[] = await this.dataSource.query(
      'SELECT * FROM guest_request WHERE id = $1 AND property_id = $2',
      [requestId, propertyId],
    );
    const request = rows[0];
    if (!request) throw new NotFoundError('request', requestId);
    this.assertVisible(request, principal);
    return toRequestView(request, await this.history(requestId));
  }

  async history(requestId: string, manager: EntityManager = this.dataSource.manager): Promise<RequestHistoryView[]> {
    const rows: Array<{
      action: string;
      from_status: string | null;
      to_status: string;
      actor: string;
      note: string | null;
      at: Date;
    }> = await manager.query(
      'SELECT action, from_status, to_status, actor, note, at FROM request_history WHERE request_id = $1 ORDER BY id',
      [requestId],
    );
    return rows.map((row) => ({
      action: row.action,
      fromStatus: row.from_status,
      toStatus: row.to_status,
      actor: row.actor,
      note: row.note,
      at: row.at.toISOString(),
    }));
  }

  assign(propertyId: string, requestId: string, employeeId: string, principal: Principal): Promise<RequestView> {
    return this.transition(propertyId, requestId, 'assign', principal, async (manager, request) => {
      if (isPorterOnly(principal) && employeeId !== principal.sub) {
        throw new ForbiddenError('porter-self-assign-only', 'A porter can only take a luggage task themselves');
      }
      const employee = await this.directory.employee(propertyId, employeeId, manager);
      const verdict = canBeAssigned(employee, request.role);
      if (!verdict.ok) {
        throw new BusinessRuleViolation(
          'assignee-not-eligible',
          `Employee ${employeeId} ${verdict.reason}`,
          'employeeId',
        );
      }
      return { assignee_id: employeeId };
    });
  }

  start(propertyId: string, requestId: string, principal: Principal, note?: string): Promise<RequestView> {
    return this.progress(propertyId, requestId, 'start', principal, note);
  }

  complete(propertyId: string, requestId: string, principal: Principal, note?: string): Promise<RequestView> {
    return this.progress(propertyId, requestId, 'complete', principal, note);
  }

  /** Starting and completing are the assignee's (or the manager's) to do. */
  private progress(
    propertyId: string,
    requestId: string,
    action: 'start' | 'complete',
    principal: Principal,
    note?: string,
  ): Promise<RequestView> {
    const decide = async (_manager: EntityManager, request: RequestRow) => {
      this.assertAssigneeOrManager(request, principal);
      return {};
    };
    return this.transition(propertyId, requestId, action, principal, decide, note);
  }

  cancel(propertyId: string, requestId: string, principal: Principal, note?: string): Promise<RequestView> {
    return this.transition(
      propertyId,
      requestId,
      'cancel',
      principal,
      async () => {
        if (isPorterOnly(principal)) throw new ForbiddenError('porter-cannot-cancel', 'Porters cannot cancel requests');
        return {};
      },
      note,
    );
  }

  defer(
    propertyId: string,
    requestId: string,
    until: string,
    reason: string,
    principal: Principal,
  ): Promise<RequestView> {
    const untilDate = new Date(until);
    if (untilDate.getTime() <= Date.now()) {
      throw new BusinessRuleViolation('defer-in-the-past', 'until must be in the future', 'until');
    }
    return this.transition(
      propertyId,
      requestId,
      'defer',
      principal,
      async (manager, request) => {
        if (isPorterOnly(principal)) throw new ForbiddenError('porter-cannot-defer', 'Porters cannot defer requests');
        const settings = await this.settings.get(propertyId, manager);
        // Due again one SLA after it is taken up; a fresh SLA can breach and escalate again only if it never did.
        const dueAt = slaDueAt(request.category, request.priority, settings.slaMinutes, untilDate);
        return { deferred_until: untilDate, due_at: dueAt, assignee_id: null };
      },
      reason,
    );
  }

  reopen(propertyId: string, requestId: string, principal: Principal, note?: string): Promise<RequestView> {
    return this.transition(
      propertyId,
      requestId,
      'reopen',
      principal,
      async () => {
        if (isPorterOnly(principal)) throw new ForbiddenError('porter-cannot-reopen', 'Porters cannot reopen requests');
        return {};
      },
      note,
    );
  }

  /** Locks the request, checks who may act and the lifecycle, applies the change, records history and events. */
  private transition(
    propertyId: string,
    requestId: string,
    action: RequestAction,
    principal: Principal,
    decide: (manager: EntityManager, request: RequestRow) => Promise<Partial<RequestRow>>,
    note?: string,
  ): Promise<RequestView> {
    return this.dataSource.transaction(async (manager) => {
      const rows: RequestRow[] = await manager.query(
        'SELECT * FROM guest_request WHERE id = $1 AND property_id = $2 FOR UPDATE',
        [requestId, propertyId],
      );
      const request = rows[0];
      if (!request) throw new NotFoundError('request', requestId);
      this.assertVisible(request, principal);
      const to = nextStatus(request.status, action);
      if (typeof to !== 'string') {
        throw new ConflictError('invalid-transition', to.refused, { status: request.status, action });
      }
      const change = await decide(manager, request);
      const assignee = 'assignee_id' in change ? change.assignee_id : request.assignee_id;
      const updated = await updateReturning<RequestRow>(
        manager,
        `UPDATE guest_request SET status = $2, assignee_id = $3, deferred_until = $4, due_at = $5, updated_at = now()
          WHERE id = $1 RETURNING *`,
        [
          request.id,
          to,
          to === 'open' ? null : assignee,
          to === 'deferred' ? change.deferred_until : null,
          change.due_at ?? request.due_at,
        ],
      );
      const after = updated[0];
      await this.record(
        manager,
        request.id,
        action,
        request.status,
        to,
        principal.sub,
        note ?? assigneeNote(action, after),
      );
      await this.announce(manager, action, after, principal.sub);
      return toRequestView(after, await this.history(request.id, manager));
    });
  }

  private async announce(
    manager: EntityManager,
    action: RequestAction,
    request: RequestRow,
    actor: string,
  ): Promise<void> {
    const now = new Date();
    if (action === 'assign') {
      await this.outbox.publish(manager, 'concierge.request-assigned', {
        propertyId: request.property_id,
        subject: request.id,
        data: {
          requestId: request.id,
          category: request.category,
          assigneeId: request.assignee_id!,
          assignedBy: actor,
          assignedAt: now.toISOString(),
          dueAt: request.due_at.toISOString(),
        },
      });
    } else if (action === 'complete') {
      await this.outbox.publish(manager, 'concierge.request-completed', {
        propertyId: request.property_id,
        subject: request.id,
        data: {
          requestId: request.id,
          category: request.category,
          ...(request.assignee_id ? { assigneeId: request.assignee_id } : {}),
          completedBy: actor,
          completedAt: now.toISOString(),
          dueAt: request.due_at.toISOString(),
          withinSla: now <= request.due_at,
        },
      });
    }
  }

  private assertVisible(request: RequestRow, principal: Principal): void {
    if (isPorterOnly(principal) && !porterMayHandle(request.category)) {
      throw new ForbiddenError('porter-luggage-only', 'Porters see and update luggage requests only');
    }
  }

  private assertAssigneeOrManager(request: RequestRow, principal: Principal): void {
    if (request.assignee_id !== principal.sub && !isManager(principal)) {
      throw new ForbiddenError(
        'not-the-assignee',
        'Only the employee the request is assigned to, or the front office manager, can do this',
      );
    }
  }

  /** Cancels the still-open system tasks of a reservation that will not happen (cancelled, no-show). */
  async cancelSystemTasks(
    manager: EntityManager,
    propertyId: string,
    reservationId: string,
    why: string,
  ): Promise<void> {
    const rows = await updateReturning<RequestRow>(
      manager,
      `UPDATE guest_request SET status = 'cancelled', updated_at = now()
        WHERE property_id = $1 AND reservation_id = $2 AND kind IS NOT NULL AND status IN ('open', 'assigned', 'deferred')
        RETURNING *`,
      [propertyId, reservationId],
    );
    for (const row of rows) await this.record(manager, row.id, 'cancel', null, 'cancelled', 'system', why);
  }

  /** Open requests of a guest who moved rooms go to the new room. */
  async followRoomMove(manager: EntityManager, propertyId: string, reservationId: string, room: string): Promise<void> {
    await manager.query(
      `UPDATE guest_request SET room_number = $3, updated_at = now()
        WHERE property_id = $1 AND reservation_id = $2 AND status IN ('open', 'assigned', 'in_progress', 'deferred')`,
      [propertyId, reservationId, room],
    );
  }
}

function assigneeNote(action: RequestAction, request: RequestRow): string | undefined {
  return action === 'assign' ? `assigned to ${request.assignee_id}` : undefined;
}
