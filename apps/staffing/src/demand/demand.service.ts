import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SCHEDULED_ROLES } from '@frontoffice/contracts';
import {
  addDays,
  BusinessRuleViolation,
  dateRange,
  daysBetween,
  NotFoundError,
  Principal,
} from '@frontoffice/platform';
import { DataSource, EntityManager } from 'typeorm';
import { StaffedPropertyEntity } from '../properties/staffed-property.entity';
import { audit } from '../shared/audit';
import { computeDemand, DayForecast, DemandItem, emptyForecast, PropertyProfile } from './demand-calculator';
import type { StaffingRulesDto } from './demand.dto';
import { StaffingRulesEntity } from './forecast.entity';
import { effectiveRules, StaffingRules } from './staffing-rules';

/** Reservations that still bring a guest to the desk. */
const LIVE_STATUSES = ['confirmed', 'checked_in', 'checked_out'];
const SKILL = /^[a-z][a-z0-9_-]{0,39}$/;

export interface PropertyDemand {
  property: PropertyProfile;
  rules: StaffingRules;
  forecast: DayForecast[];
  items: DemandItem[];
}

@Injectable()
export class DemandService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async property(propertyId: string, manager: EntityManager = this.dataSource.manager): Promise<PropertyProfile> {
    const property = await manager.findOne(StaffedPropertyEntity, { where: { id: propertyId } });
    if (!property) throw new NotFoundError('property', propertyId);
    return {
      timezone: property.timezone,
      roomCount: property.roomCount,
      starRating: property.starRating,
      deskHours: property.deskHours,
    };
  }

  async rules(propertyId: string, manager: EntityManager = this.dataSource.manager): Promise<StaffingRules> {
    const row = await manager.findOne(StaffingRulesEntity, { where: { propertyId } });
    return effectiveRules(row?.rules as Partial<StaffingRules> | undefined);
  }

  async updateRules(propertyId: string, input: StaffingRulesDto, actor: Principal): Promise<StaffingRules> {
    validateRules(input);
    await this.property(propertyId);
    return this.dataSource.transaction(async (manager) => {
      const row = await manager.findOne(StaffingRulesEntity, {
        where: { propertyId },
        lock: { mode: 'pessimistic_write' },
      });
      const overrides = { ...(row?.rules ?? {}), ...JSON.parse(JSON.stringify(input)) } as Record<string, unknown>;
      await manager.query(
        `INSERT INTO staffing_rules (property_id, rules, updated_by) VALUES ($1, $2, $3)
         ON CONFLICT (property_id) DO UPDATE SET rules = EXCLUDED.rules, updated_by = EXCLUDED.updated_by,
           updated_at = now()`,
        [propertyId, JSON.stringify(overrides), actor.sub],
      );
      await audit(manager, {
        propertyId,
        actor: actor.sub,
        action: 'staffing-rules.changed',
        subject: propertyId,
        details: { ...input },
      });
      return effectiveRules(overrides as Partial<StaffingRules>);
    });
  }

  /** Arrivals, departures, in-house, VIP and group arrivals and arrival languages per date, from the read model. */
  async forecast(propertyId: string, from: string, to: string, manager: EntityManager): Promise<DayForecast[]> {
    const rows: {
      date: string;
      arrivals: number;
      departures: number;
      in_house: number;
      vip: number;
      groups: number;
    }[] = await manager.query(
      `SELECT to_char(d, 'YYYY-MM-DD') AS date,
              count(*) FILTER (WHERE r.arrival = d)::int AS arrivals,
              count(*) FILTER (WHERE r.departure = d)::int AS departures,
              count(*) FILTER (WHERE r.arrival <= d AND r.departure > d)::int AS in_house,
              count(*) FILTER (WHERE r.arrival = d AND r.vip_level <> 'none')::int AS vip,
              count(*) FILTER (WHERE r.arrival = d AND r.group_block_id IS NOT NULL)::int AS groups
         FROM generate_series($2::date, $3::date, interval '1 day') AS d
         LEFT JOIN forecast_reservation r
           ON r.property_id = $1 AND r.status = ANY($4) AND r.arrival <= d AND r.departure >= d
        GROUP BY d ORDER BY d`,
      [propertyId, from, to, LIVE_STATUSES],
    );
    const languages: { date: string; language: string; count: number }[] = await manager.query(
      `SELECT to_char(arrival, 'YYYY-MM-DD') AS date, language, count(*)::int AS count
         FROM forecast_reservation
        WHERE property_id = $1 AND status = ANY($4) AND arrival BETWEEN $2 AND $3 AND language IS NOT NULL
        GROUP BY arrival, language`,
      [propertyId, from, to, LIVE_STATUSES],
    );
    return rows.map((row) => ({
      date: row.date,
      arrivals: row.arrivals,
      departures: row.departures,
      inHouse: row.in_house,
      vipArrivals: row.vip,
      groupArrivals: row.groups,
      arrivalLanguages: Object.fromEntries(
        languages.filter((l) => l.date === row.date).map((l) => [l.language, l.count]),
      ),
    }));
  }

  /** The forecast and the headcount per role and shift for [from, to], with the reasons. */
  async demand(
    propertyId: string,
    from: string,
    to: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<PropertyDemand> {
    const property = await this.property(propertyId, manager);
    const rules = await this.rules(propertyId, manager);
    // The day after `to` too: a night shift runs into it.
    const forecast = await this.forecast(propertyId, from, addDays(to, 1), manager);
    const byDate = new Map(forecast.map((day) => [day.date, day]));
    const dates = dateRange(from, daysBetween(from, to) + 1);
    const items = computeDemand(property, rules, dates, (date) => byDate.get(date) ?? emptyForecast(date));
    return { property, rules, forecast: forecast.filter((day) => day.date <= to), items };
  }
}

/** Rules that class-validator cannot express: unique shift codes, non-overlapping patterns, skill maps. */
function validateRules(input: StaffingRulesDto): void {
  if (input.shifts) {
    const codes = input.shifts.map((shift) => shift.code);
    if (new Set(codes).size !== codes.length) {
      throw new BusinessRuleViolation('duplicate-shift-code', 'Each shift needs its own code', 'shifts');
    }
  }
  if (input.requiredSkills) {
    for (const [role, skills] of Object.entries(input.requiredSkills)) {
      if (!(SCHEDULED_ROLES as readonly string[]).includes(role)) {
        throw new BusinessRuleViolation('unknown-role', `${role} is not a staffing role`, `requiredSkills.${role}`);
      }
      if (!Array.isArray(skills) || skills.some((skill) => typeof skill !== 'string' || !SKILL.test(skill))) {
        throw new BusinessRuleViolation(
          'bad-skill-list',
          'Required skills must be a list of lower-case skill codes',
          `requiredSkills.${role}`,
        );
      }
    }
  }
}

export function checkRange(from: string, to: string, maxDays: number): void {
  if (to < from) throw new BusinessRuleViolation('range-reversed', 'to must not be before from', 'to');
  if (daysBetween(from, to) >= maxDays) {
    throw new BusinessRuleViolation('range-too-long', `at most ${maxDays} days at a time`, 'to');
  }
}
