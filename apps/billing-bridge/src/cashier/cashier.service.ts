import { invalidField } from '../folios/money-input';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ConflictError,
  cursorParameters,
  DomainError,
  ForbiddenError,
  NotFoundError,
  OutboxService,
  pageLimit,
  pageOf,
  Principal,
} from '@frontoffice/platform';
import { DataSource, EntityManager } from 'typeorm';
import { recordAudit } from '../folios/billing-audit';
import { JournalService } from '../journal/journal.service';
import { BillingProperty, loadBillingProperty } from '../properties/billing-property';
import {
  CashierSessionCloseView,
  CashierSessionDetailView,
  CashierSessionList,
  CashMovementDto,
  CashMovementView,
  MyCashierSessionView,
  CashierSessionOpenedView,
  CashierSessionQuery,
  CashierSessionStatus,
  CashierSessionView,
  CloseCashierSessionDto,
  OpenCashierSessionDto,
  SignOffCashierSessionDto,
} from './cashier.dto';
import {
  applyCashMovement,
  cashMovementRefusal,
  CashMovementType,
  closeRefusal,
  seesTillFigures,
  tillExpected,
  tillVariance,
} from './till';

interface SessionRow {
  id: string;
  property_id: string;
  agent_id: string;
  status: CashierSessionStatus;
  currency: string;
  float_minor: string;
  business_date: string;
  opened_at: Date;
  closed_at: Date | null;
  closed_by: string | null;
  auto_closed: boolean;
  expected_minor: string | null;
  counted_minor: string | null;
  variance_minor: string | null;
  signed_off_by: string | null;
  signed_off_at: Date | null;
  sign_off_note: string | null;
  cash_in: string;
  cash_out: string;
  paid_in: string;
  paid_out: string;
}

interface MovementRow {
  id: string;
  cashier_session_id: string;
  type: CashMovementType;
  amount_minor: string;
  currency: string;
  reason: string;
  recorded_by: string;
  recorded_at: Date;
}

/** A till row with what went through it: cash payments in, issued cash refunds out, paid-ins and paid-outs. */
const SESSION_SELECT = `
  SELECT s.*, s.business_date::text AS business_date, s.opened_at::text AS cursor_at,
    (SELECT COALESCE(sum(p.amount_minor), 0) FROM payment p WHERE p.cashier_session_id = s.id) AS cash_in,
    (SELECT COALESCE(sum(r.amount_minor), 0) FROM refund r WHERE r.cashier_session_id = s.id AND r.status = 'issued')
      AS cash_out,
    (SELECT COALESCE(sum(m.amount_minor), 0) FROM cashier_movement m
      WHERE m.cashier_session_id = s.id AND m.type = 'paid_in') AS paid_in,
    (SELECT COALESCE(sum(m.amount_minor), 0) FROM cashier_movement m
      WHERE m.cashier_session_id = s.id AND m.type = 'paid_out') AS paid_out
  FROM cashier_session s`;

const MOVEMENT_COLUMNS = 'id, cashier_session_id, type, amount_minor, currency, reason, recorded_by, recorded_at';

function expectedOf(row: SessionRow): number {
  return tillExpected({
    float: Number(row.float_minor),
    cashIn: Number(row.cash_in),
    cashOut: Number(row.cash_out),
    paidIn: Number(row.paid_in),
    paidOut: Number(row.paid_out),
  });
}

function toMovementView(row: MovementRow): CashMovementView {
  return {
    id: row.id,
    sessionId: row.cashier_session_id,
    type: row.type,
    amount: { amountMinor: Number(row.amount_minor), currency: row.currency.trim() },
    reason: row.reason,
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at.toISOString(),
  };
}

/** 404 with its own code: the console asks for the caller's till and shows "open one" on this answer. */
class NoOpenTillError extends DomainError {
  readonly status = 404;
}

export interface OpenSession {
  id: string;
  currency: string;
}

export interface AutoClosedSession {
  sessionId: string;
  agentId: string;
  expectedMinor: number;
}

@Injectable()
export class CashierService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly journal: JournalService,
  ) {}

  private money(row: SessionRow, value: string | number) {
    return { amountMinor: Number(value), currency: row.currency.trim() };
  }

  private toView(row: SessionRow): CashierSessionView {
    const optionalMoney = (value: string | null) => (value === null ? undefined : this.money(row, value));
    return {
      id: row.id,
      propertyId: row.property_id,
      agentId: row.agent_id,
      status: row.status,
      float: this.money(row, row.float_minor),
      businessDate: row.business_date,
      openedAt: row.opened_at.toISOString(),
      closedAt: row.closed_at?.toISOString(),
      closedBy: row.closed_by ?? undefined,
      autoClosed: row.auto_closed,
      expected: optionalMoney(row.expected_minor),
      counted: optionalMoney(row.counted_minor),
      variance: optionalMoney(row.variance_minor),
      cashIn: this.money(row, row.cash_in),
      cashOut: this.money(row, row.cash_out),
      paidIn: this.money(row, row.paid_in),
      paidOut: this.money(row, row.paid_out),
      signedOffBy: row.signed_off_by ?? undefined,
      signedOffAt: row.signed_off_at?.toISOString(),
      signOffNote: row.sign_off_note ?? undefined,
    };
  }

  private async lockSession(manager: EntityManager, propertyId: string, sessionId: string): Promise<SessionRow> {
    await manager.query('SELECT 1 FROM cashier_session WHERE id = $1 AND property_id = $2 FOR UPDATE', [
      sessionId,
      propertyId,
    ]);
    const rows: SessionRow[] = await manager.query(`${SESSION_SELECT} WHERE s.id = $1 AND s.property_id = $2`, [
      sessionId,
      propertyId,
    ]);
    if (!rows[0]) throw new NotFoundError('cashier-session', sessionId);
    return rows[0];
  }

  /** One open till per agent and property: the partial unique index refuses a second, whatever the timing. */
  async open(propertyId: string, input: OpenCashierSessionDto, agentId: string): Promise<CashierSessionOpenedView> {
    return this.dataSource.transaction(async (manager) => {
      const property = await loadBillingProperty(manager, propertyId);
      if (property.currency && input.float.currency !== property.currency) {
        throw invalidField('float.currency', `The property uses ${property.currency}`);
      }
      const inserted: { id: string }[] = await manager.query(
        `INSERT INTO cashier_session (property_id, agent_id, status, currency, float_minor, business_date)
         VALUES ($1, $2, 'open', $3, $4, $5)
         ON CONFLICT (property_id, agent_id) WHERE status = 'open' DO NOTHING RETURNING id`,
        [propertyId, agentId, input.float.currency, input.float.amountMinor, property.businessDate],
      );
      if (inserted.length === 0) {
        throw new ConflictError(
          'cashier-session-already-open',
          `${agentId} already has an open cashier session at this property`,
          { agentId },
        );
      }
      const row = await this.lockSession(manager, propertyId, inserted[0].id);
      await this.outbox.publish(manager, 'cashier-session.opened', {
        propertyId,
        subject: row.id,
        data: {
          sessionId: row.id,
          agentId,
          float: this.money(row, row.float_minor),
          businessDate: row.business_date,
          openedAt: row.opened_at.toISOString(),
        },
      });
      await recordAudit(manager, {
        propertyId,
        actor: agentId,
        action: 'cashier-session.opened',
        subjectId: row.id,
        details: { floatMinor: Number(row.float_minor) },
      });
      const { id, agentId: agent, status, float, businessDate, openedAt } = this.toView(row);
      return { id, propertyId, agentId: agent, status, float, businessDate, openedAt };
    });
  }

  /**
   * The caller's open till at this property, locked until the transaction ends so it cannot be closed while a
   * cash movement is being added to it; 409 when the agent has none.
   */
  async lockOpenSessionOf(manager: EntityManager, propertyId: string, agentId: string): Promise<OpenSession> {
    const rows: { id: string; currency: string }[] = await manager.query(
      `SELECT id, currency FROM cashier_session WHERE property_id = $1 AND agent_id = $2 AND status = 'open'
       FOR UPDATE`,
      [propertyId, agentId],
    );
    if (!rows[0]) {
      throw new ConflictError('no-open-cashier-session', 'Cash needs an open cashier session: open your till first', {
        agentId,
      });
    }
    return { id: rows[0].id, currency: rows[0].currency.trim() };
  }

  /** Locks a till by id and checks it is still open (a cash refund approved later goes back to its till). */
  async lockOpenSession(manager: EntityManager, propertyId: string, sessionId: string): Promise<OpenSession> {
    const row = await this.lockSession(manager, propertyId, sessionId);
    if (row.status !== 'open') {
      throw new ConflictError('cashier-session-closed', `Cashier session ${sessionId} is ${row.status}`, {
        sessionId,
      });
    }
    return { id: row.id, currency: row.currency.trim() };
  }

  private async closeRow(
    manager: EntityManager,
    row: SessionRow,
    closedBy: string,
    counted: number | null,
    autoClosed: boolean,
    businessDate: string,
  ): Promise<SessionRow> {
    const expected = expectedOf(row);
    const variance = counted === null ? null : tillVariance(expected, counted);
    await manager.query(
      `UPDATE cashier_session SET status = 'closed', closed_at = now(), closed_by = $2, auto_closed = $3,
         expected_minor = $4, counted_minor = $5, variance_minor = $6 WHERE id = $1`,
      [row.id, closedBy, autoClosed, expected, counted, variance],
    );
    const [closed] = (await manager.query(`${SESSION_SELECT} WHERE s.id = $1`, [row.id])) as SessionRow[];
    if (variance !== null) await this.recordVariance(manager, closed, variance, businessDate);
    await this.outbox.publish(manager, 'cashier-session.closed', {
      propertyId: row.property_id,
      subject: row.id,
      data: {
        sessionId: row.id,
        agentId: row.agent_id,
        expected: this.money(row, expected),
        ...(counted === null ? {} : { counted: this.money(row, counted), variance: this.money(row, variance!) }),
        autoClosed,
        closedBy,
        businessDate,
        closedAt: closed.closed_at!.toISOString(),
      },
    });
    await recordAudit(manager, {
      propertyId: row.property_id,
      actor: closedBy,
      action: autoClosed ? 'cashier-session.auto-closed' : 'cashier-session.closed',
      subjectId: row.id,
      details: { expectedMinor: expected, countedMinor: counted, varianceMinor: variance },
    });
    return closed;
  }

  private async recordVariance(
    manager: EntityManager,
    row: SessionRow,
    variance: number,
    businessDate: string,
  ): Promise<void> {
    if (variance === 0) return;
    await this.journal.record(manager, {
      kind: 'cash_variance',
      propertyId: row.property_id,
      businessDate,
      currency: row.currency.trim(),
      sourceId: row.id,
      label: `Till ${row.agent_id} ${variance < 0 ? 'short' : 'over'}`,
      variance,
      cashierSessionId: row.id,
    });
  }

  /**
   * Blind close: the till's own agent gives the count; expected and the variance are computed and recorded. Nobody
   * else closes it with a count of their own (see closeRefusal); the manager checks that count at sign-off.
   */
  async close(
    propertyId: string,
    sessionId: string,
    input: CloseCashierSessionDto,
    principal: Principal,
  ): Promise<CashierSessionCloseView> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.lockSession(manager, propertyId, sessionId);
      const refusal = closeRefusal({ agentId: row.agent_id, closedBy: principal.sub });
      if (refusal) throw new ForbiddenError(refusal.code, refusal.reason);
      if (row.status !== 'open') {
        throw new ConflictError('cashier-session-closed', `Cashier session ${sessionId} is ${row.status}`, {
          sessionId,
        });
      }
      if (input.countedCash.currency !== row.currency.trim()) {
        throw invalidField('countedCash.currency', `The till is in ${row.currency}`);
      }
      const { businessDate } = await loadBillingProperty(manager, propertyId);
      const closed = await this.closeRow(
        manager,
        row,
        principal.sub,
        input.countedCash.amountMinor,
        false,
        businessDate,
      );
      const view = this.toView(closed);
      return {
        id: view.id,
        status: view.status,
        expected: view.expected!,
        counted: view.counted!,
        variance: view.variance!,
        closedAt: view.closedAt!,
      };
    });
  }

  /** The manager signs a closed till off; a till the night audit closed uncounted gets its count here. */
  async signOff(
    propertyId: string,
    sessionId: string,
    input: SignOffCashierSessionDto,
    principal: Principal,
  ): Promise<CashierSessionView> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.lockSession(manager, propertyId, sessionId);
      if (row.agent_id === principal.sub) {
        throw new ForbiddenError('own-till', 'A till is signed off by a manager other than its agent');
      }
      if (row.status !== 'closed') {
        throw new ConflictError('cashier-session-not-closed', `Cashier session ${sessionId} is ${row.status}`, {
          sessionId,
        });
      }
      if (row.counted_minor === null) {
        if (!input.countedCash) {
          throw invalidField(
            'countedCash',
            'This till was closed by the night audit without a count: give countedCash',
          );
        }
        if (input.countedCash.currency !== row.currency.trim()) {
          throw invalidField('countedCash.currency', `The till is in ${row.currency}`);
        }
        const counted = input.countedCash.amountMinor;
        const variance = tillVariance(Number(row.expected_minor), counted);
        await manager.query('UPDATE cashier_session SET counted_minor = $2, variance_minor = $3 WHERE id = $1', [
          row.id,
          counted,
          variance,
        ]);
        const { businessDate } = await loadBillingProperty(manager, propertyId);
        await this.recordVariance(manager, row, variance, businessDate);
      }
      await manager.query(
        `UPDATE cashier_session SET status = 'signed_off', signed_off_by = $2, signed_off_at = now(),
           sign_off_note = $3 WHERE id = $1`,
        [row.id, principal.sub, input.note ?? null],
      );
      const [signed] = (await manager.query(`${SESSION_SELECT} WHERE s.id = $1`, [row.id])) as SessionRow[];
      await recordAudit(manager, {
        propertyId,
        actor: principal.sub,
        action: 'cashier-session.signed-off',
        subjectId: row.id,
        reason: input.note,
        details: { varianceMinor: signed.variance_minor === null ? null : Number(signed.variance_minor) },
      });
      return this.toView(signed);
    });
  }

  async list(propertyId: string, query: CashierSessionQuery): Promise<CashierSessionList> {
    const limit = pageLimit(query);
    const rows: (SessionRow & { cursor_at: string })[] = await this.dataSource.query(
      `${SESSION_SELECT} WHERE s.property_id = $1 AND ($2::text IS NULL OR s.status = $2)
         AND ($3::date IS NULL OR s.business_date = $3)
         AND ($4::timestamptz IS NULL OR (s.opened_at, s.id) < ($4, $5::uuid))
       ORDER BY s.opened_at DESC, s.id DESC LIMIT $6`,
      [
        propertyId,
        query.status ?? null,
        query.businessDate ?? null,
        ...cursorParameters(query.cursor, ['timestamp', 'uuid']),
        limit + 1,
      ],
    );
    return pageOf(
      rows,
      limit,
      (row) => [row.cursor_at, row.id],
      (row) => this.toView(row),
    );
  }

  async get(propertyId: string, sessionId: string): Promise<CashierSessionDetailView> {
    const rows: SessionRow[] = await this.dataSource.query(`${SESSION_SELECT} WHERE s.id = $1 AND s.property_id = $2`, [
      sessionId,
      propertyId,
    ]);
    if (!rows[0]) throw new NotFoundError('cashier-session', sessionId);
    return { ...this.toView(rows[0]), movements: await this.movementsOf(this.dataSource.manager, sessionId) };
  }

  private async movementsOf(manager: EntityManager, sessionId: string): Promise<CashMovementView[]> {
    const rows: MovementRow[] = await manager.query(
      `SELECT ${MOVEMENT_COLUMNS} FROM cashier_movement WHERE cashier_session_id = $1 ORDER BY recorded_at, id`,
      [sessionId],
    );
    return rows.map(toMovementView);
  }

  /** The caller's open till here; its figures only for those who may see them before the blind count. */
  async mine(propertyId: string, principal: Principal): Promise<MyCashierSessionView> {
    const rows: SessionRow[] = await this.dataSource.query(
      `${SESSION_SELECT} WHERE s.property_id = $1 AND s.agent_id = $2 AND s.status = 'open'`,
      [propertyId, principal.sub],
    );
    if (!rows[0]) {
      throw new NoOpenTillError('no-open-till', `${principal.sub} has no open cashier session at this property`, {
        agentId: principal.sub,
      });
    }
    const row = rows[0];
    const view = this.toView(row);
    const mine: MyCashierSessionView = {
      id: view.id,
      propertyId: view.propertyId,
      agentId: view.agentId,
      status: view.status,
      float: view.float,
      businessDate: view.businessDate,
      openedAt: view.openedAt,
      movements: await this.movementsOf(this.dataSource.manager, row.id),
    };
    if (!seesTillFigures(principal.roles)) return mine;
    return {
      ...mine,
      cashIn: view.cashIn,
      cashOut: view.cashOut,
      paidIn: view.paidIn,
      paidOut: view.paidOut,
      expected: this.money(row, expectedOf(row)),
    };
  }

  /**
   * A paid-in or paid-out by the till's own agent, on an open till, in the till's currency; a paid-out never takes
   * more than the drawer should hold. Booked to the journal and audited with the movement, in one transaction.
   */
  async move(
    propertyId: string,
    sessionId: string,
    input: CashMovementDto,
    principal: Principal,
  ): Promise<CashMovementView> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.lockSession(manager, propertyId, sessionId);
      const refusal = cashMovementRefusal({ agentId: row.agent_id, movedBy: principal.sub });
      if (refusal) throw new ForbiddenError(refusal.code, refusal.reason);
      if (row.status !== 'open') {
        throw new ConflictError('cashier-session-closed', `Cashier session ${sessionId} is ${row.status}`, {
          sessionId,
        });
      }
      if (input.amount.currency !== row.currency.trim()) {
        throw invalidField('amount.currency', `The till is in ${row.currency.trim()}`);
      }
      const outcome = applyCashMovement(expectedOf(row), { type: input.type, amount: input.amount.amountMinor });
      if ('code' in outcome) throw new ConflictError(outcome.code, outcome.reason, { sessionId });
      const [movement] = (await manager.query(
        `INSERT INTO cashier_movement (cashier_session_id, property_id, type, amount_minor, currency, reason,
           recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${MOVEMENT_COLUMNS}`,
        [row.id, propertyId, input.type, input.amount.amountMinor, row.currency.trim(), input.reason, principal.sub],
      )) as MovementRow[];
      const { businessDate } = await loadBillingProperty(manager, propertyId);
      await this.journal.record(manager, {
        kind: 'cash_movement',
        propertyId,
        businessDate,
        currency: row.currency.trim(),
        sourceId: movement.id,
        label: `Till ${row.agent_id} ${input.type === 'paid_in' ? 'paid in' : 'paid out'}: ${input.reason}`,
        direction: input.type,
        amount: input.amount.amountMinor,
        cashierSessionId: row.id,
      });
      await recordAudit(manager, {
        propertyId,
        actor: principal.sub,
        action: input.type === 'paid_in' ? 'cashier-session.paid-in' : 'cashier-session.paid-out',
        subjectId: row.id,
        reason: input.reason,
        details: { movementId: movement.id, amountMinor: input.amount.amountMinor },
      });
      return toMovementView(movement);
    });
  }

  /**
   * The night audit closed `businessDate`: by the property's policy, its still-open tills are closed uncounted
   * (expected recorded; the manager counts them at sign-off) or left open. Either way they are reported.
   */
  async handleNightAudit(
    manager: EntityManager,
    property: BillingProperty,
    businessDate: string,
  ): Promise<{ autoClosed: AutoClosedSession[]; leftOpen: string[] }> {
    const open: { id: string }[] = await manager.query(
      `SELECT id FROM cashier_session WHERE property_id = $1 AND status = 'open' ORDER BY opened_at FOR UPDATE`,
      [property.propertyId],
    );
    if (property.tillPolicy === 'leave_open') return { autoClosed: [], leftOpen: open.map((row) => row.id) };
    const autoClosed: AutoClosedSession[] = [];
    for (const { id } of open) {
      const row = await this.lockSession(manager, property.propertyId, id);
      const closed = await this.closeRow(manager, row, 'night-audit', null, true, businessDate);
      autoClosed.push({ sessionId: id, agentId: row.agent_id, expectedMinor: Number(closed.expected_minor) });
    }
    return { autoClosed, leftOpen: [] };
  }
}
