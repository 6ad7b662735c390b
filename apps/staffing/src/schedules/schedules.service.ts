import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  addDays,
  BusinessRuleViolation,
  ConflictError,
  CursorKey,
  daysBetween,
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
import { DemandService } from '../demand/demand.service';
import type { StaffingRules } from '../demand/staffing-rules';
import { EmployeeAbsenceEntity } from '../employees/employee.entity';
import { EmployeesService } from '../employees/employees.service';
import { audit } from '../shared/audit';
import { isUniqueViolation } from '../shared/database-errors';
import { buildSchedule, repairSchedule, unfilledOf } from './mip-scheduler';
import type { PlanAssignment, PlanningProblem, PlanUnfilled } from './planning';
import { EmployeeProfile, planningProblem, toCheckedEmployee, withInstants } from './planning-input';
import { CheckedAssignment, checkSchedule } from './schedule-checker';
import { ScheduleAssignmentEntity, ScheduleEntity } from './schedule.entity';
import type {
  AbsenceDto,
  AbsenceView,
  AssignmentView,
  CreateScheduleDto,
  EditAssignmentsDto,
  RepairView,
  ScheduleListQueryDto,
  ScheduleSummary,
  ScheduleView,
} from './schedules.dto';

const MAX_ANNOUNCEMENT_BYTES = 700_000;

function toAssignmentView(row: ScheduleAssignmentEntity): AssignmentView {
  return {
    employeeId: row.employeeId,
    role: row.role,
    date: row.date,
    shift: row.shift,
    start: row.startAt.toISOString(),
    end: row.endAt.toISOString(),
  };
}

function toView(schedule: ScheduleEntity, assignments: ScheduleAssignmentEntity[]): ScheduleView {
  return {
    id: schedule.id,
    propertyId: schedule.propertyId,
    status: schedule.status,
    weekStart: schedule.weekStart,
    days: schedule.days,
    assignments: assignments
      .map(toAssignmentView)
      .sort(
        (a, b) =>
          a.start.localeCompare(b.start) || a.role.localeCompare(b.role) || a.employeeId.localeCompare(b.employeeId),
      ),
    unfilled: schedule.unfilled,
    violations: schedule.violations,
    solver: { ...schedule.solver },
    publishedAt: schedule.publishedAt?.toISOString() ?? null,
    publishedBy: schedule.publishedBy,
  };
}

interface RepairRow {
  id: string;
  schedule_id: string;
  status: string;
  removed: AssignmentView[];
  added: AssignmentView[];
  unfilled: PlanUnfilled[];
}

const SCHEDULE_ORDER = new Keyset(
  [
    { sql: 'week_start', kind: 'date' },
    { sql: 'created_at', kind: 'timestamp' },
    { sql: 'id', kind: 'uuid' },
  ],
  'DESC',
);

@Injectable()
export class SchedulesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly demand: DemandService,
    private readonly employees: EmployeesService,
  ) {}

  /** Builds a draft with the MIP for the demand of the week(s) from `weekStart`. */
  async build(propertyId: string, input: CreateScheduleDto, actor: Principal): Promise<ScheduleView> {
    const days = 7 * (input.weeks ?? 1);
    const to = addDays(input.weekStart, days - 1);
    const manager = this.dataSource.manager;
    const demand = await this.demand.demand(propertyId, input.weekStart, to, manager);
    const profiles = await this.employees.profiles(propertyId, input.weekStart, to, manager);
    const history = await this.history(manager, propertyId, input.weekStart, null);
    const problem = planningProblem({
      weekStart: input.weekStart,
      days,
      timezone: demand.property.timezone,
      rules: demand.rules,
      demand: demand.items,
      employees: profiles,
      history,
    });
    const result = await buildSchedule(problem);
    const assignments = withInstants(result.assignments, problem.shifts);
    const violations = this.check(input.weekStart, days, demand.rules, profiles, assignments, history);
    return this.dataSource.transaction(async (tx) => {
      const schedule = tx.create(ScheduleEntity, {
        id: randomUUID(),
        propertyId,
        weekStart: input.weekStart,
        days,
        status: 'draft',
        demand: demand.items,
        unfilled: result.unfilled,
        violations,
        solver: result.stats,
        createdBy: actor.sub,
        publishedAt: null,
        publishedBy: null,
      });
      await tx.insert(ScheduleEntity, schedule);
      const rows = assignments.map((a) => this.assignmentRow(schedule.id, a));
      await this.insertAssignments(tx, rows);
      await audit(tx, {
        propertyId,
        actor: actor.sub,
        action: 'schedule.drafted',
        subject: schedule.id,
        details: { weekStart: input.weekStart, days, assignments: rows.length, unfilled: result.unfilled.length },
      });
      return toView(schedule, rows);
    });
  }

  /** Newest week first, then newest created, then id: a keyset page of `limit` after `cursor`. */
  async list(propertyId: string, query: ScheduleListQueryDto): Promise<Page<ScheduleSummary>> {
    const limit = pageLimit(query);
    const after = SCHEDULE_ORDER.after(query.cursor, 5);
    const rows: Array<{
      id: string;
      status: string;
      week_start: string;
      days: number;
      unfilled: PlanUnfilled[];
      violations: unknown[];
      published_at: Date | null;
      page_key: CursorKey;
    }> = await this.dataSource.query(
      `SELECT id, status, to_char(week_start, 'YYYY-MM-DD') AS week_start, days, unfilled, violations, published_at,
              ${SCHEDULE_ORDER.pageKey}
         FROM schedule
        WHERE property_id = $1 AND ($2::date IS NULL OR week_start = $2) AND ($3::text IS NULL OR status = $3)
          AND ${after.sql}
        ORDER BY ${SCHEDULE_ORDER.orderBy} LIMIT $4`,
      [propertyId, query.weekStart ?? null, query.status ?? null, limit + 1, ...after.parameters],
    );
    return keyedPage(rows, limit, (row) => ({
      id: row.id,
      status: row.status,
      weekStart: row.week_start,
      days: row.days,
      unfilled: row.unfilled.reduce((sum, u) => sum + u.missing, 0),
      violations: row.violations.length,
      publishedAt: row.published_at?.toISOString() ?? null,
    }));
  }

  async get(propertyId: string, scheduleId: string): Promise<ScheduleView> {
    const manager = this.dataSource.manager;
    const schedule = await this.find(manager, propertyId, scheduleId);
    return toView(schedule, await manager.find(ScheduleAssignmentEntity, { where: { scheduleId } }));
  }

  /** The manager's edit of a draft: every rule is checked again and the violations are shown, not refused. */
  async edit(propertyId: string, scheduleId: string, input: EditAssignmentsDto, actor: Principal) {
    return this.dataSource.transaction(async (manager) => {
      const schedule = await this.find(manager, propertyId, scheduleId, true);
      if (schedule.status !== 'draft') {
        throw new ConflictError('schedule-not-draft', 'Only a draft can be edited; a published schedule is repaired');
      }
      const rules = await this.demand.rules(propertyId, manager);
      const property = await this.demand.property(propertyId, manager);
      const shifts = planningProblem({
        weekStart: schedule.weekStart,
        days: schedule.days,
        timezone: property.timezone,
        rules,
        demand: [],
        employees: [],
      }).shifts;
      (input.add ?? []).forEach((a, index) => {
        const offset = daysBetween(schedule.weekStart, a.date);
        if (offset < 0 || offset >= schedule.days) {
          throw new BusinessRuleViolation(
            'outside-schedule',
            `${a.date} is outside this schedule`,
            `add[${index}].date`,
          );
        }
        if (!shifts.some((s) => s.date === a.date && s.shift === a.shift)) {
          throw new BusinessRuleViolation('unknown-shift', `There is no ${a.shift} shift`, `add[${index}].shift`);
        }
      });
      for (const [index, a] of (input.remove ?? []).entries()) {
        const result = await manager.delete(ScheduleAssignmentEntity, {
          scheduleId,
          employeeId: a.employeeId,
          date: a.date,
          shift: a.shift,
        });
        if (!result.affected) {
          throw new BusinessRuleViolation(
            'no-such-assignment',
            `${a.employeeId} has no ${a.shift} shift on ${a.date}`,
            `remove[${index}]`,
          );
        }
      }
      const added = withInstants(input.add ?? [], shifts).map((a) => this.assignmentRow(scheduleId, a));
      try {
        await this.insertAssignments(manager, added);
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new ConflictError('already-assigned', 'The employee already has that shift in this schedule');
        }
        throw error;
      }
      const rows = await manager.find(ScheduleAssignmentEntity, { where: { scheduleId } });
      await this.recheck(manager, schedule, rules, rows);
      await audit(manager, {
        propertyId,
        actor: actor.sub,
        action: 'schedule.edited',
        subject: scheduleId,
        details: { add: input.add ?? [], remove: input.remove ?? [], violations: schedule.violations.length },
      });
      return toView(schedule, rows);
    });
  }

  /** Publication: only a draft without violations; one published schedule per property and week. */
  async publish(propertyId: string, scheduleId: string, actor: Principal): Promise<ScheduleView> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const schedule = await this.find(manager, propertyId, scheduleId, true);
        if (schedule.status !== 'draft')
          throw new ConflictError('schedule-not-draft', 'The schedule is already published');
        const rules = await this.demand.rules(propertyId, manager);
        const rows = await manager.find(ScheduleAssignmentEntity, { where: { scheduleId } });
        await this.recheck(manager, schedule, rules, rows);
        if (schedule.violations.length > 0) {
          throw new ConflictError(
            'schedule-has-violations',
            `The schedule breaks ${schedule.violations.length} rule(s); fix them before publishing`,
            { violations: schedule.violations },
          );
        }
        schedule.status = 'published';
        schedule.publishedAt = new Date();
        schedule.publishedBy = actor.sub;
        await manager.save(schedule);
        await this.announce(manager, schedule, rows);
        await audit(manager, { propertyId, actor: actor.sub, action: 'schedule.published', subject: scheduleId });
        return toView(schedule, rows);
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError('week-already-published', 'Another schedule is already published for this week');
      }
      throw error;
    }
  }

  /** The caller's own shifts in published schedules. */
  async myShifts(propertyId: string, employeeId: string, from: string, to: string): Promise<AssignmentView[]> {
    const rows = await this.dataSource
      .getRepository(ScheduleAssignmentEntity)
      .createQueryBuilder('a')
      .innerJoin(ScheduleEntity, 's', 's.id = a.schedule_id')
      .where('s.property_id = :propertyId AND s.status = :status', { propertyId, status: 'published' })
      .andWhere('a.employee_id = :employeeId AND a.date BETWEEN :from AND :to', { employeeId, from, to })
      .orderBy('a.start_at')
      .getMany();
    return rows.map(toAssignmentView);
  }

  /** Records an absence; for each published schedule it breaks, proposes the repair that changes the fewest shifts. */
  async recordAbsence(
    propertyId: string,
    employeeId: string,
    input: AbsenceDto,
    actor: Principal,
  ): Promise<AbsenceView> {
    if (input.to < input.from) throw new BusinessRuleViolation('range-reversed', 'to must not be before from', 'to');
    if (daysBetween(input.from, input.to) > 366) {
      throw new BusinessRuleViolation('range-too-long', 'an absence is at most a year', 'to');
    }
    return this.dataSource.transaction(async (manager) => {
      await this.employees.get(propertyId, employeeId, manager);
      const absence = manager.create(EmployeeAbsenceEntity, {
        id: randomUUID(),
        propertyId,
        employeeId,
        kind: input.kind,
        from: input.from,
        to: input.to,
        note: input.note ?? null,
        recordedBy: actor.sub,
      });
      await manager.insert(EmployeeAbsenceEntity, absence);
      await audit(manager, {
        propertyId,
        actor: actor.sub,
        action: 'employee.absence-recorded',
        subject: employeeId,
        details: { kind: input.kind, from: input.from, to: input.to },
      });
      const affected: { schedule_id: string }[] = await manager.query(
        `SELECT DISTINCT a.schedule_id FROM schedule_assignment a JOIN schedule s ON s.id = a.schedule_id
          WHERE s.property_id = $1 AND s.status = 'published' AND a.employee_id = $2 AND a.date BETWEEN $3 AND $4`,
        [propertyId, employeeId, input.from, input.to],
      );
      const repairs: RepairView[] = [];
      for (const { schedule_id } of affected) {
        repairs.push(await this.proposeRepair(manager, propertyId, schedule_id, absence.id));
      }
      return { ...absence, note: absence.note, repairs };
    });
  }

  async listAbsences(propertyId: string, employeeId: string) {
    await this.employees.get(propertyId, employeeId);
    const rows = await this.dataSource.manager.find(EmployeeAbsenceEntity, {
      where: { propertyId, employeeId },
      order: { from: 'ASC' },
    });
    return rows.map(({ id, kind, from, to, note }) => ({ id, employeeId, kind, from, to, note }));
  }

  /** Applies a proposed repair to the published schedule and announces the schedule again. */
  async applyRepair(propertyId: string, scheduleId: string, repairId: string, actor: Principal): Promise<ScheduleView> {
    return this.dataSource.transaction(async (manager) => {
      const schedule = await this.find(manager, propertyId, scheduleId, true);
      const [repair]: RepairRow[] = await manager.query(
        'SELECT * FROM schedule_repair WHERE id = $1 AND schedule_id = $2 FOR UPDATE',
        [repairId, scheduleId],
      );
      if (!repair) throw new NotFoundError('repair', repairId);
      if (repair.status !== 'proposed') throw new ConflictError('repair-applied', 'This repair was already applied');
      for (const a of repair.removed) {
        await manager.delete(ScheduleAssignmentEntity, {
          scheduleId,
          employeeId: a.employeeId,
          date: a.date,
          shift: a.shift,
        });
      }
      try {
        await this.insertAssignments(
          manager,
          repair.added.map((a) => this.assignmentRow(scheduleId, a)),
        );
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new ConflictError('repair-outdated', 'The schedule changed since this repair was proposed');
        }
        throw error;
      }
      await manager.query(
        `UPDATE schedule_repair SET status = 'applied', applied_at = now(), applied_by = $2 WHERE id = $1`,
        [repairId, actor.sub],
      );
      const rules = await this.demand.rules(propertyId, manager);
      const rows = await manager.find(ScheduleAssignmentEntity, { where: { scheduleId } });
      await this.recheck(manager, schedule, rules, rows);
      await this.announce(manager, schedule, rows);
      await audit(manager, {
        propertyId,
        actor: actor.sub,
        action: 'schedule.repaired',
        subject: scheduleId,
        details: { repairId, removed: repair.removed.length, added: repair.added.length },
      });
      return toView(schedule, rows);
    });
  }

  private async proposeRepair(
    manager: EntityManager,
    propertyId: string,
    scheduleId: string,
    absenceId: string,
  ): Promise<RepairView> {
    const schedule = await this.find(manager, propertyId, scheduleId, true);
    const rows = await manager.find(ScheduleAssignmentEntity, { where: { scheduleId } });
    const { problem } = await this.problemFor(manager, schedule);
    const published: PlanAssignment[] = rows.map(({ employeeId, role, date, shift }) => ({
      employeeId,
      role,
      date,
      shift,
    }));
    const result = await repairSchedule(problem, published);
    const key = (a: PlanAssignment) => `${a.employeeId}|${a.date}|${a.shift}|${a.role}`;
    const kept = new Set(result.assignments.map(key));
    const before = new Set(published.map(key));
    const removed = rows.filter((row) => !kept.has(key(row))).map(toAssignmentView);
    const added = withInstants(
      result.assignments.filter((a) => !before.has(key(a))),
      problem.shifts,
    );
    const id = randomUUID();
    await manager.query(
      `INSERT INTO schedule_repair (id, schedule_id, absence_id, status, removed, added, unfilled)
       VALUES ($1, $2, $3, 'proposed', $4, $5, $6)`,
      [id, scheduleId, absenceId, JSON.stringify(removed), JSON.stringify(added), JSON.stringify(result.unfilled)],
    );
    return { id, scheduleId, status: 'proposed', removed, added, unfilled: result.unfilled };
  }

  /** The planning problem of a stored schedule: its own demand, today's employees, absences and rules. */
  private async problemFor(
    manager: EntityManager,
    schedule: ScheduleEntity,
  ): Promise<{
    problem: PlanningProblem;
    profiles: EmployeeProfile[];
    rules: StaffingRules;
    history: CheckedAssignment[];
  }> {
    const rules = await this.demand.rules(schedule.propertyId, manager);
    const property = await this.demand.property(schedule.propertyId, manager);
    const to = addDays(schedule.weekStart, schedule.days - 1);
    const profiles = await this.employees.profiles(schedule.propertyId, schedule.weekStart, to, manager);
    const history = await this.history(manager, schedule.propertyId, schedule.weekStart, schedule.id);
    const problem = planningProblem({
      weekStart: schedule.weekStart,
      days: schedule.days,
      timezone: property.timezone,
      rules,
      demand: schedule.demand,
      employees: profiles,
      history,
    });
    return { problem, profiles, rules, history };
  }

  private async recheck(
    manager: EntityManager,
    schedule: ScheduleEntity,
    rules: StaffingRules,
    rows: ScheduleAssignmentEntity[],
  ): Promise<void> {
    const checked = rows.map((row) => ({ ...toAssignmentView(row) }));
    const { problem, profiles, history } = await this.problemFor(manager, schedule);
    schedule.violations = this.check(schedule.weekStart, schedule.days, rules, profiles, checked, history);
    schedule.unfilled = unfilledOf(problem, checked);
    await manager.update(
      ScheduleEntity,
      { id: schedule.id },
      { violations: schedule.violations, unfilled: schedule.unfilled, updatedAt: new Date() },
    );
  }

  private check(
    weekStart: string,
    days: number,
    rules: StaffingRules,
    profiles: EmployeeProfile[],
    assignments: CheckedAssignment[],
    history: CheckedAssignment[],
  ) {
    return checkSchedule(
      { weekStart, days, minRestHours: rules.minRestHours, requiredSkills: rules.requiredSkills },
      profiles.map((profile) => toCheckedEmployee(profile, rules)),
      assignments,
      history,
    );
  }

  /** Published shifts of the two weeks before `weekStart` (other schedules): rest and days in a row carry over. */
  private async history(
    manager: EntityManager,
    propertyId: string,
    weekStart: string,
    exceptScheduleId: string | null,
  ): Promise<CheckedAssignment[]> {
    const rows = await manager
      .getRepository(ScheduleAssignmentEntity)
      .createQueryBuilder('a')
      .innerJoin(ScheduleEntity, 's', 's.id = a.schedule_id')
      .where(`s.property_id = :propertyId AND s.status = 'published'`, { propertyId })
      .andWhere('a.date BETWEEN :from AND :to', { from: addDays(weekStart, -14), to: addDays(weekStart, -1) })
      .andWhere('s.id IS DISTINCT FROM :except', { except: exceptScheduleId })
      .getMany();
    return rows.map(toAssignmentView);
  }

  private async announce(
    manager: EntityManager,
    schedule: ScheduleEntity,
    rows: ScheduleAssignmentEntity[],
  ): Promise<void> {
    const data = {
      scheduleId: schedule.id,
      propertyId: schedule.propertyId,
      weekStart: schedule.weekStart,
      days: schedule.days,
      publishedBy: schedule.publishedBy ?? 'unknown',
      publishedAt: (schedule.publishedAt ?? new Date()).toISOString(),
      shifts: rows.map(toAssignmentView),
      unfilledSlots: schedule.unfilled.reduce((sum, u) => sum + u.missing, 0),
    };
    // Kafka's default limit is 1 MB a message: a message the broker refuses would hold up the outbox.
    if (Buffer.byteLength(JSON.stringify(data)) > MAX_ANNOUNCEMENT_BYTES) {
      throw new ConflictError(
        'schedule-too-large',
        `${rows.length} shifts are too many to announce in one event; publish this team week by week`,
      );
    }
    await this.outbox.publish(manager, 'schedule.published', {
      propertyId: schedule.propertyId,
      subject: schedule.id,
      data,
    });
  }

  private async find(manager: EntityManager, propertyId: string, scheduleId: string, lock = false) {
    const schedule = await manager.findOne(ScheduleEntity, {
      where: { id: scheduleId, propertyId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!schedule) throw new NotFoundError('schedule', scheduleId);
    return schedule;
  }

  private assignmentRow(scheduleId: string, a: CheckedAssignment): ScheduleAssignmentEntity {
    return Object.assign(new ScheduleAssignmentEntity(), {
      scheduleId,
      employeeId: a.employeeId,
      role: a.role,
      date: a.date,
      shift: a.shift,
      startAt: new Date(a.start),
      endAt: new Date(a.end),
    });
  }

  private async insertAssignments(manager: EntityManager, rows: ScheduleAssignmentEntity[]): Promise<void> {
    for (let index = 0; index < rows.length; index += 500) {
      await manager.insert(ScheduleAssignmentEntity, rows.slice(index, index + 500));
    }
  }
}
