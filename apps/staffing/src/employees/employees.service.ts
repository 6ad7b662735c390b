import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  BusinessRuleViolation,
  ConflictError,
  decodeCursor,
  NotFoundError,
  OutboxService,
  Page,
  pageLimit,
  pageOf,
  PageQuery,
  Principal,
} from '@frontoffice/platform';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, LessThanOrEqual, MoreThanOrEqual } from 'typeorm';
import type { EmployeeProfile } from '../schedules/planning-input';
import { audit } from '../shared/audit';
import { isUniqueViolation } from '../shared/database-errors';
import { EmployeeAbsenceEntity, EmployeeEntity } from './employee.entity';
import { AvailabilityDto, CreateEmployeeDto, EmployeeView, PreferencesDto, UpdateEmployeeDto } from './employees.dto';

export function toEmployeeView(employee: EmployeeEntity): EmployeeView {
  return {
    id: employee.id,
    propertyId: employee.propertyId,
    name: employee.name,
    roles: employee.roles,
    skills: employee.skills,
    languages: employee.languages,
    contractHoursPerWeek: employee.contractHoursPerWeek,
    maxHoursPerWeek: employee.maxHoursPerWeek,
    maxConsecutiveDays: employee.maxConsecutiveDays,
    unavailable: employee.unavailable,
    preferences: employee.preferences,
    active: employee.active,
  };
}

function defaultMaxHours(contract: number): number {
  return Math.max(contract, Math.min(48, contract + 8));
}

@Injectable()
export class EmployeesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  async create(propertyId: string, input: CreateEmployeeDto, actor: Principal): Promise<EmployeeView> {
    const maxHoursPerWeek = input.maxHoursPerWeek ?? defaultMaxHours(input.contractHoursPerWeek);
    if (maxHoursPerWeek < input.contractHoursPerWeek) {
      throw new BusinessRuleViolation(
        'max-hours-below-contract',
        'maxHoursPerWeek cannot be below contractHoursPerWeek',
        'maxHoursPerWeek',
      );
    }
    try {
      return await this.dataSource.transaction(async (manager) => {
        const employee = manager.create(EmployeeEntity, {
          propertyId,
          id: input.employeeId ?? `emp-${randomUUID()}`,
          name: input.name,
          roles: input.roles,
          skills: input.skills ?? [],
          languages: input.languages ?? [],
          contractHoursPerWeek: input.contractHoursPerWeek,
          maxHoursPerWeek,
          maxConsecutiveDays: input.maxConsecutiveDays ?? null,
          unavailable: [],
          preferences: [],
          active: true,
        });
        await manager.insert(EmployeeEntity, employee);
        await this.changed(manager, employee, actor, 'employee.registered');
        return toEmployeeView(employee);
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError('employee-exists', `Employee ${input.employeeId} is already registered here`);
      }
      throw error;
    }
  }

  /** By name, then id as the tie-breaker: a keyset page of `limit` after `cursor`. */
  async list(propertyId: string, page: PageQuery): Promise<Page<EmployeeView>> {
    const limit = pageLimit(page);
    const query = this.dataSource
      .getRepository(EmployeeEntity)
      .createQueryBuilder('employee')
      .where('employee.property_id = :propertyId', { propertyId })
      .orderBy('employee.name', 'ASC')
      .addOrderBy('employee.id', 'ASC')
      .limit(limit + 1);
    if (page.cursor !== undefined) {
      const [name, id] = decodeCursor(page.cursor, 2);
      if (typeof name !== 'string' || typeof id !== 'string') {
        throw new BusinessRuleViolation('bad-cursor', 'cursor must be a nextCursor this API returned', 'cursor');
      }
      query.andWhere('(employee.name, employee.id) > (:name, :id)', { name, id });
    }
    return pageOf(await query.getMany(), limit, (row) => [row.name, row.id], toEmployeeView);
  }

  async get(propertyId: string, employeeId: string, manager: EntityManager = this.dataSource.manager) {
    const employee = await manager.findOne(EmployeeEntity, { where: { propertyId, id: employeeId } });
    if (!employee) throw new NotFoundError('employee', employeeId);
    return employee;
  }

  async update(propertyId: string, employeeId: string, input: UpdateEmployeeDto, actor: Principal) {
    return this.dataSource.transaction(async (manager) => {
      const employee = await this.locked(manager, propertyId, employeeId);
      Object.assign(employee, input);
      if (input.contractHoursPerWeek !== undefined && input.maxHoursPerWeek === undefined) {
        employee.maxHoursPerWeek = Math.max(employee.maxHoursPerWeek, employee.contractHoursPerWeek);
      }
      if (employee.maxHoursPerWeek < employee.contractHoursPerWeek) {
        throw new BusinessRuleViolation(
          'max-hours-below-contract',
          'maxHoursPerWeek cannot be below contractHoursPerWeek',
          'maxHoursPerWeek',
        );
      }
      await manager.save(employee);
      await this.changed(manager, employee, actor, 'employee.changed', { ...input });
      return toEmployeeView(employee);
    });
  }

  setAvailability(propertyId: string, employeeId: string, input: AvailabilityDto, actor: Principal) {
    return this.amend(propertyId, employeeId, actor, 'employee.availability-set', (employee) => {
      employee.unavailable = input.unavailable.map((u) => ({
        dayOfWeek: u.dayOfWeek,
        ...(u.shift ? { shift: u.shift } : {}),
      }));
      return { unavailable: employee.unavailable };
    });
  }

  setPreferences(propertyId: string, employeeId: string, input: PreferencesDto, actor: Principal) {
    return this.amend(propertyId, employeeId, actor, 'employee.preferences-set', (employee) => {
      employee.preferences = input.items.map((p) => ({
        kind: p.kind,
        ...(p.dayOfWeek !== undefined ? { dayOfWeek: p.dayOfWeek } : {}),
        ...(p.shift ? { shift: p.shift } : {}),
      }));
      return { preferences: employee.preferences };
    });
  }

  /** A change that only scheduling cares about (no event): locked, saved and audited. */
  private amend(
    propertyId: string,
    employeeId: string,
    actor: Principal,
    action: string,
    change: (employee: EmployeeEntity) => Record<string, unknown>,
  ): Promise<EmployeeView> {
    return this.dataSource.transaction(async (manager) => {
      const employee = await this.locked(manager, propertyId, employeeId);
      const details = change(employee);
      await manager.save(employee);
      await audit(manager, { propertyId, actor: actor.sub, action, subject: employeeId, details });
      return toEmployeeView(employee);
    });
  }

  /** Active employees with their absences overlapping [from, to], as the planner reads them. */
  async profiles(propertyId: string, from: string, to: string, manager: EntityManager): Promise<EmployeeProfile[]> {
    const employees = await manager.find(EmployeeEntity, { where: { propertyId, active: true }, order: { id: 'ASC' } });
    const absences = await manager.find(EmployeeAbsenceEntity, {
      where: { propertyId, from: LessThanOrEqual(to), to: MoreThanOrEqual(from) },
    });
    return employees.map((employee) => ({
      id: employee.id,
      roles: employee.roles,
      skills: employee.skills,
      languages: employee.languages,
      contractHoursPerWeek: employee.contractHoursPerWeek,
      maxHoursPerWeek: employee.maxHoursPerWeek,
      maxConsecutiveDays: employee.maxConsecutiveDays,
      unavailable: employee.unavailable,
      preferences: employee.preferences,
      absences: absences
        .filter((absence) => absence.employeeId === employee.id)
        .map((absence) => ({ from: absence.from, to: absence.to })),
    }));
  }

  private async locked(manager: EntityManager, propertyId: string, employeeId: string): Promise<EmployeeEntity> {
    const employee = await manager.findOne(EmployeeEntity, {
      where: { propertyId, id: employeeId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!employee) throw new NotFoundError('employee', employeeId);
    return employee;
  }

  private async changed(
    manager: EntityManager,
    employee: EmployeeEntity,
    actor: Principal,
    action: string,
    details: Record<string, unknown> = {},
  ): Promise<void> {
    await this.outbox.publish(manager, 'employee.updated', {
      propertyId: employee.propertyId,
      subject: employee.id,
      data: {
        employeeId: employee.id,
        name: employee.name,
        roles: employee.roles,
        languages: employee.languages,
        active: employee.active,
        propertyId: employee.propertyId,
      },
    });
    await audit(manager, { propertyId: employee.propertyId, actor: actor.sub, action, subject: employee.id, details });
  }
}
