import { Injectable } from '@nestjs/common';
import { addDays, OutboxService } from '@frontoffice/platform';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { DemandService } from '../demand/demand.service';

/**
 * After reservations change, compares the fresh demand with every published schedule over the changed dates and
 * raises staffing.coverage-gap-detected for each shift and role now short. The unique (schedule, date, shift, role)
 * row makes it once per gap, even when the same event is redelivered or more bookings arrive.
 */
@Injectable()
export class CoverageGapsService {
  constructor(
    private readonly demand: DemandService,
    private readonly outbox: OutboxService,
  ) {}

  async detect(manager: EntityManager, propertyId: string, from: string, to: string): Promise<number> {
    const schedules: { id: string; week_start: string; days: number }[] = await manager.query(
      `SELECT id, to_char(week_start, 'YYYY-MM-DD') AS week_start, days FROM schedule
        WHERE property_id = $1 AND status = 'published'
          AND week_start <= $3::date AND week_start + days - 1 >= $2::date`,
      [propertyId, from, to],
    );
    let raised = 0;
    for (const schedule of schedules) {
      const last = addDays(schedule.week_start, schedule.days - 1);
      const start = from > schedule.week_start ? from : schedule.week_start;
      const end = to < last ? to : last;
      // The night before the range reaches into it: look one day earlier.
      const demandFrom = start > schedule.week_start ? addDays(start, -1) : start;
      const { items } = await this.demand.demand(propertyId, demandFrom, end, manager);
      const staffed: { date: string; shift: string; role: string; count: number }[] = await manager.query(
        `SELECT to_char(date, 'YYYY-MM-DD') AS date, shift, role, count(*)::int AS count
           FROM schedule_assignment WHERE schedule_id = $1 AND date BETWEEN $2 AND $3
          GROUP BY date, shift, role`,
        [schedule.id, demandFrom, end],
      );
      for (const item of items) {
        const scheduled =
          staffed.find((s) => s.date === item.date && s.shift === item.shift && s.role === item.role)?.count ?? 0;
        if (item.required <= scheduled) continue;
        const gapId = randomUUID();
        const inserted: unknown[] = await manager.query(
          `INSERT INTO coverage_gap (id, schedule_id, date, shift, role, required, scheduled)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (schedule_id, date, shift, role) DO NOTHING RETURNING id`,
          [gapId, schedule.id, item.date, item.shift, item.role, item.required, scheduled],
        );
        if (inserted.length === 0) continue;
        raised++;
        await this.outbox.publish(manager, 'staffing.coverage-gap-detected', {
          propertyId,
          subject: gapId,
          data: {
            gapId,
            scheduleId: schedule.id,
            propertyId,
            date: item.date,
            shift: item.shift,
            role: item.role,
            start: item.start,
            end: item.end,
            required: item.required,
            scheduled,
            reasons: item.reasons,
            detectedAt: new Date().toISOString(),
          },
        });
      }
    }
    return raised;
  }
}
