import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ComplaintCategory } from '@frontoffice/contracts';
import {
  bigintMinorUnits,
  BusinessRuleViolation,
  ConflictError,
  CursorKey,
  ForbiddenError,
  keyedPage,
  Keyset,
  NotFoundError,
  OutboxService,
  Page,
  pageLimit,
  Principal,
} from '@frontoffice/platform';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { iso } from '../common/desk-roles';
import { updateReturning } from '../common/sql';
import { RequestsService } from '../requests/requests.service';
import { currencyProblem } from '../settings/settings-rules';
import { SettingsService } from '../settings/settings.service';
import { categoryReport, CompensationStatus, compensationProblem, decideCompensation } from './complaint-rules';
import {
  CategoryReportView,
  CompensationInputDto,
  CompensationView,
  ComplaintQuery,
  ComplaintView,
  LogComplaintDto,
} from './complaints.dto';

interface ComplaintRow {
  id: string;
  property_id: string;
  request_id: string;
  category: ComplaintCategory;
  reservation_id: string | null;
  room_number: string | null;
  what_went_wrong: string;
  guest_words: string;
  resolution: string | null;
  status: 'open' | 'resolved';
  logged_by: string;
  logged_at: Date;
  resolved_by: string | null;
  resolved_at: Date | null;
}

interface CompensationRow {
  id: string;
  complaint_id: string;
  property_id: string;
  reservation_id: string;
  kind: 'allowance' | 'free_service';
  amount_minor: string;
  currency: string;
  description: string;
  status: CompensationStatus;
  proposed_by: string;
  proposed_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  decision_note: string | null;
}

const COMPLAINT_ORDER = new Keyset(
  [
    { sql: 'c.logged_at', kind: 'timestamp' },
    { sql: 'c.id', kind: 'uuid' },
  ],
  'DESC',
);

const RECURRENCE_THRESHOLD = 3;

function toCompensationView(row: CompensationRow): CompensationView {
  return {
    id: row.id,
    kind: row.kind,
    amount: { amountMinor: bigintMinorUnits.from(row.amount_minor) as number, currency: row.currency },
    description: row.description,
    status: row.status,
    proposedBy: row.proposed_by,
    proposedAt: row.proposed_at.toISOString(),
    decidedBy: row.decided_by,
    decidedAt: iso(row.decided_at) ?? null,
    decisionNote: row.decision_note,
  };
}

function toView(row: ComplaintRow, compensation: CompensationRow | undefined): ComplaintView {
  return {
    id: row.id,
    propertyId: row.property_id,
    requestId: row.request_id,
    category: row.category,
    reservationId: row.reservation_id,
    roomNumber: row.room_number,
    whatWentWrong: row.what_went_wrong,
    guestWords: row.guest_words,
    resolution: row.resolution,
    status: row.status,
    loggedBy: row.logged_by,
    loggedAt: row.logged_at.toISOString(),
    resolvedBy: row.resolved_by,
    resolvedAt: iso(row.resolved_at) ?? null,
    compensation: compensation ? toCompensationView(compensation) : null,
  };
}

/**
 * Complaints and service recovery. Every complaint opens a request that goes to the front office manager at once;
 * a compensation is proposed by the desk and granted only by the manager — once, whatever is replayed.
 */
@Injectable()
export class ComplaintsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly requests: RequestsService,
    private readonly settings: SettingsService,
  ) {}

  log(propertyId: string, input: LogComplaintDto, principal: Principal): Promise<ComplaintView> {
    if (input.compensation && !input.reservationId) {
      throw new BusinessRuleViolation(
        'compensation-needs-reservation',
        'A compensation needs the complaint to name the guest’s reservation',
        'reservationId',
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const request = (await this.requests.open(manager, {
        propertyId,
        category: 'complaint',
        description: `${input.category}: ${input.whatWentWrong}`,
        reservationId: input.reservationId,
        roomNumber: input.roomNumber,
        priority: 'high',
        createdBy: principal.sub,
      }))!;
      await this.requests.escalate(manager, request, 'complaint');
      const rows: ComplaintRow[] = await manager.query(
        `INSERT INTO complaint (id, property_id, request_id, category, reservation_id, room_number, what_went_wrong,
                                guest_words, status, logged_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'open', $9) RETURNING *`,
        [
          randomUUID(),
          propertyId,
          request.id,
          input.category,
          input.reservationId ?? null,
          request.room_number,
          input.whatWentWrong,
          input.guestWords,
          principal.sub,
        ],
      );
      const complaint = rows[0];
      await this.outbox.publish(manager, 'concierge.complaint-logged', {
        propertyId,
        subject: complaint.id,
        data: {
          complaintId: complaint.id,
          requestId: request.id,
          category: complaint.category,
          ...(complaint.reservation_id ? { reservationId: complaint.reservation_id } : {}),
          ...(complaint.room_number ? { roomNumber: complaint.room_number } : {}),
          loggedBy: complaint.logged_by,
          loggedAt: complaint.logged_at.toISOString(),
        },
      });
      const compensation = input.compensation
        ? await this.insertCompensation(manager, complaint, input.compensation, principal.sub)
        : undefined;
      return toView(complaint, compensation);
    });
  }

  /** Newest first: (logged_at, id) descending. */
  async list(propertyId: string, query: ComplaintQuery): Promise<Page<ComplaintView>> {
    const limit = pageLimit(query);
    const after = COMPLAINT_ORDER.after(query.cursor, 6);
    const rows: Array<ComplaintRow & { compensation: CompensationRow | null; page_key: CursorKey }> =
      await this.dataSource.query(
        `SELECT c.*, row_to_json(k.*) AS compensation, ${COMPLAINT_ORDER.pageKey}
           FROM complaint c LEFT JOIN compensation k ON k.complaint_id = c.id
          WHERE c.property_id = $1 AND ($2::text IS NULL OR c.status = $2) AND ($3::text IS NULL OR c.category = $3)
            AND ($4::uuid IS NULL OR c.reservation_id = $4) AND ${after.sql}
          ORDER BY ${COMPLAINT_ORDER.orderBy} LIMIT $5`,
        [
          propertyId,
          query.status ?? null,
          query.category ?? null,
          query.reservationId ?? null,
          limit + 1,
          ...after.parameters,
        ],
      );
    return keyedPage(rows, limit, (row) =>
      toView(
        row,
        row.compensation
          ? {
              ...row.compensation,
              proposed_at: new Date(row.compensation.proposed_at),
              decided_at: row.compensation.decided_at ? new Date(row.compensation.decided_at) : null,
            }
          : undefined,
      ),
    );
  }

  async get(propertyId: string, complaintId: string): Promise<ComplaintView> {
    const manager = this.dataSource.manager;
    const complaint = await this.find(manager, propertyId, complaintId, false);
    return toView(complaint, await this.compensationOf(manager, complaintId));
  }

  resolve(propertyId: string, complaintId: string, resolution: string, principal: Principal): Promise<ComplaintView> {
    return this.dataSource.transaction(async (manager) => {
      const complaint = await this.find(manager, propertyId, complaintId, true);
      if (complaint.status === 'resolved') {
        throw new ConflictError('complaint-resolved', 'This complaint is already resolved');
      }
      const [resolved] = await updateReturning<ComplaintRow>(
        manager,
        `UPDATE complaint SET status = 'resolved', resolution = $2, resolved_by = $3, resolved_at = now()
          WHERE id = $1 RETURNING *`,
        [complaintId, resolution, principal.sub],
      );
      // The complaint request is finished with the resolution, whatever step it had reached.
      const [request] = await updateReturning<{ id: string; status: string }>(
        manager,
        `UPDATE guest_request SET status = 'done', assignee_id = COALESCE(assignee_id, $2), updated_at = now()
          WHERE id = $1 AND status NOT IN ('done', 'cancelled') RETURNING id, status`,
        [complaint.request_id, principal.sub],
      );
      if (request) await this.requests.record(manager, request.id, 'resolved', null, 'done', principal.sub, resolution);
      return toView(resolved, await this.compensationOf(manager, complaintId));
    });
  }

  propose(
    propertyId: string,
    complaintId: string,
    input: CompensationInputDto,
    principal: Principal,
  ): Promise<ComplaintView> {
    return this.dataSource.transaction(async (manager) => {
      const complaint = await this.find(manager, propertyId, complaintId, true);
      if (await this.compensationOf(manager, complaintId)) {
        throw new ConflictError('compensation-exists', 'This complaint already has a compensation');
      }
      const compensation = await this.insertCompensation(manager, complaint, input, principal.sub);
      return toView(complaint, compensation);
    });
  }

  /**
   * The front office manager's decision. The status moves from 'proposed' by a conditional UPDATE and the grant is
   * written to the outbox in the same transaction, so a replayed or concurrent approval cannot grant twice.
   */
  decide(
    propertyId: string,
    complaintId: string,
    wanted: 'approved' | 'rejected',
    principal: Principal,
    note?: string,
  ): Promise<ComplaintView> {
    return this.dataSource.transaction(async (manager) => {
      const complaint = await this.find(manager, propertyId, complaintId, false);
      const existing = await this.compensationOf(manager, complaintId, true);
      if (!existing) throw new NotFoundError('compensation', complaintId);
      const decision = decideCompensation(existing.status, wanted, {
        proposedBy: existing.proposed_by,
        decidedBy: principal.sub,
      });
      if (decision.outcome === 'forbidden') throw new ForbiddenError('own-compensation', decision.reason);
      if (decision.outcome === 'refused') throw new ConflictError('compensation-decided', decision.reason);
      if (decision.outcome === 'already') return toView(complaint, existing);
      // The row is locked and still 'proposed': one decision, one grant, whatever is replayed or concurrent.
      const [changed] = await updateReturning<CompensationRow>(
        manager,
        `UPDATE compensation SET status = $2, decided_by = $3, decided_at = now(), decision_note = $4
          WHERE id = $1 AND status = 'proposed' RETURNING *`,
        [existing.id, wanted, principal.sub, note ?? null],
      );
      if (wanted === 'approved') await this.grant(manager, changed);
      return toView(complaint, changed);
    });
  }

  async report(propertyId: string, from: string, to: string): Promise<CategoryReportView> {
    if (to < from) throw new BusinessRuleViolation('range-reversed', 'to must not be before from', 'to');
    const { timezone } = await this.settings.get(propertyId);
    const rows: Array<{ category: string; count: string }> = await this.dataSource.query(
      `SELECT category, count(*) AS count FROM complaint
        WHERE property_id = $1 AND (logged_at AT TIME ZONE $2)::date BETWEEN $3::date AND $4::date
        GROUP BY category`,
      [propertyId, timezone, from, to],
    );
    const items = categoryReport(
      rows.map((row) => ({ category: row.category, count: Number(row.count) })),
      RECURRENCE_THRESHOLD,
    );
    return {
      from,
      to,
      total: items.reduce((sum, line) => sum + line.count, 0),
      recurrenceThreshold: RECURRENCE_THRESHOLD,
      items,
    };
  }

  private async grant(manager: EntityManager, compensation: CompensationRow): Promise<void> {
    await this.outbox.publish(manager, 'concierge.compensation-granted', {
      propertyId: compensation.property_id,
      subject: compensation.id,
      data: {
        compensationId: compensation.id,
        complaintId: compensation.complaint_id,
        reservationId: compensation.reservation_id,
        kind: compensation.kind,
        amount: {
          amountMinor: bigintMinorUnits.from(compensation.amount_minor) as number,
          currency: compensation.currency,
        },
        description: compensation.description,
        approvedBy: compensation.decided_by!,
        approvedAt: compensation.decided_at!.toISOString(),
      },
    });
  }

  private async insertCompensation(
    manager: EntityManager,
    complaint: ComplaintRow,
    input: CompensationInputDto,
    actor: string,
  ): Promise<CompensationRow> {
    const problem = compensationProblem({
      reservationId: complaint.reservation_id,
      amountMinor: input.amount.amountMinor,
    });
    if (problem) throw new BusinessRuleViolation('compensation-invalid', problem.reason, problem.field);
    const wrongCurrency = currencyProblem(
      (await this.settings.get(complaint.property_id, manager)).currency,
      input.amount.currency,
    );
    if (wrongCurrency) throw new BusinessRuleViolation('currency-mismatch', wrongCurrency, 'amount.currency');
    const rows: CompensationRow[] = await manager.query(
      `INSERT INTO compensation (id, complaint_id, property_id, reservation_id, kind, amount_minor, currency,
                                 description, status, proposed_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'proposed', $9) RETURNING *`,
      [
        randomUUID(),
        complaint.id,
        complaint.property_id,
        complaint.reservation_id,
        input.kind,
        input.amount.amountMinor,
        input.amount.currency,
        input.description,
        actor,
      ],
    );
    return rows[0];
  }

  private async find(
    manager: EntityManager,
    propertyId: string,
    complaintId: string,
    lock: boolean,
  ): Promise<ComplaintRow> {
    const rows: ComplaintRow[] = await manager.query(
      `SELECT * FROM complaint WHERE id = $1 AND property_id = $2${lock ? ' FOR UPDATE' : ''}`,
      [complaintId, propertyId],
    );
    if (!rows[0]) throw new NotFoundError('complaint', complaintId);
    return rows[0];
  }

  private async compensationOf(
    manager: EntityManager,
    complaintId: string,
    lock = false,
  ): Promise<CompensationRow | undefined> {
    const rows: CompensationRow[] = await manager.query(
      `SELECT * FROM compensation WHERE complaint_id = $1${lock ? ' FOR UPDATE' : ''}`,
      [complaintId],
    );
    return rows[0];
  }
}
