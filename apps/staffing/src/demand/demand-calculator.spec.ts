import { computeDemand, DayForecast, emptyForecast, peaksOf, PropertyProfile } from './demand-calculator';
import { DEFAULT_STAFFING_RULES, effectiveRules } from './staffing-rules';

const DATE = '2027-03-22';
const forecast =
  (values: Partial<DayForecast>) =>
  (date: string): DayForecast => ({
    ...emptyForecast(date),
    ...values,
  });
const required = (items: ReturnType<typeof computeDemand>, shift: string, role: string) =>
  items.find((item) => item.shift === shift && item.role === role)?.required ?? 0;

describe('staffing rules', () => {
  const motel: PropertyProfile = { timezone: 'America/Denver', roomCount: 20, starRating: 2, deskHours: null };
  const palace: PropertyProfile = { timezone: 'Europe/Paris', roomCount: 600, starRating: 5, deskHours: null };

  it('gives a 20-room motel one multi-role clerk per shift and nobody else', () => {
    const items = computeDemand(
      motel,
      DEFAULT_STAFFING_RULES,
      [DATE],
      forecast({ arrivals: 8, departures: 7, inHouse: 16 }),
    );
    expect(items.filter((item) => item.required > 0).map((i) => [i.shift, i.role, i.required])).toEqual([
      ['morning', 'front_desk', 1],
      ['evening', 'front_desk', 1],
      ['night', 'front_desk', 1],
    ]);
    expect(items[0]!.reasons.join(' ')).toContain('one multi-role clerk');
    expect(items[2]!.reasons[0]).toBe('the desk is open around the clock: at least one person on the desk');
    expect(items[0]!.start).toBe('2027-03-22T13:00:00.000Z'); // 07:00 in Denver (MDT)
    expect(items[2]!.end).toBe('2027-03-23T13:00:00.000Z');
  });

  it('gives a 600-room five-star hotel several agents at the check-in peak, concierges, porters and a manager', () => {
    const items = computeDemand(
      palace,
      DEFAULT_STAFFING_RULES,
      [DATE],
      forecast({
        arrivals: 180,
        departures: 170,
        inHouse: 510,
        vipArrivals: 6,
        groupArrivals: 20,
        arrivalLanguages: { ja: 30 },
      }),
    );
    expect(required(items, 'evening', 'front_desk')).toBeGreaterThanOrEqual(4);
    expect(required(items, 'morning', 'front_desk')).toBeGreaterThanOrEqual(3);
    expect(required(items, 'night', 'front_desk')).toBe(1);
    expect(required(items, 'morning', 'concierge')).toBe(3);
    expect(required(items, 'evening', 'porter')).toBeGreaterThanOrEqual(2);
    expect(required(items, 'night', 'porter')).toBe(1);
    expect(required(items, 'evening', 'front_office_manager')).toBe(1);
    expect(required(items, 'night', 'night_auditor')).toBe(1);
    const evening = items.find((item) => item.shift === 'evening' && item.role === 'front_desk')!;
    expect(evening.reasons.some((reason) => reason.startsWith('peak 15:00–16:00'))).toBe(true);
    expect(evening.languages).toEqual(['ja']);
  });

  it('follows the manager’s changes: slower check-ins need more agents', () => {
    const load = forecast({ arrivals: 180, departures: 170, inHouse: 510 });
    const slower = effectiveRules({ minutesPerCheckIn: 12 });
    expect(required(computeDemand(palace, slower, [DATE], load), 'evening', 'front_desk')).toBeGreaterThan(
      required(computeDemand(palace, DEFAULT_STAFFING_RULES, [DATE], load), 'evening', 'front_desk'),
    );
  });

  it('staffs the desk only when it is open, and a mid-size hotel gets its manager for VIP arrivals', () => {
    const inn: PropertyProfile = {
      timezone: 'Europe/Paris',
      roomCount: 60,
      starRating: 3,
      deskHours: { open: '07:00', close: '22:00' },
    };
    const items = computeDemand(
      inn,
      DEFAULT_STAFFING_RULES,
      [DATE],
      forecast({ arrivals: 20, departures: 18, vipArrivals: 2 }),
    );
    expect(required(items, 'night', 'front_desk')).toBe(0);
    expect(items.find((i) => i.shift === 'night' && i.role === 'front_desk')!.reasons[0]).toContain('closed');
    expect(required(items, 'evening', 'front_office_manager')).toBe(1);
    expect(required(items, 'morning', 'concierge')).toBe(0);
    expect(required(items, 'night', 'night_auditor')).toBe(0);
  });

  it('finds the check-in and check-out peaks of a day', () => {
    const day = { ...emptyForecast(DATE), arrivals: 100, departures: 80 };
    expect(peaksOf(day, DEFAULT_STAFFING_RULES)).toEqual({
      checkInPeak: { from: '15:00', to: '16:00', count: 15.9 },
      checkOutPeak: { from: '10:00', to: '11:00', count: 16.3 },
    });
  });
});
