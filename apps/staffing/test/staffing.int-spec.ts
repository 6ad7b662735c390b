import { createEvent, TOPICS, validateEvent } from '@frontoffice/contracts';
import { addDays } from '@frontoffice/platform';
import {
  eventually,
  EventProbe,
  RunningTestService,
  startTestService,
  testEnv,
  testKafka,
  testToken,
} from '@frontoffice/platform/testing';
import { randomUUID } from 'node:crypto';
import type { Producer } from 'kafkajs';
import { AppModule, STAFFING_APP } from '../src/app.module';
import { StaffingEnv } from '../src/config/staffing.env';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The staffing API over HTTP with the real database, fed by contract-valid reservations events on the real broker. */
describe('staffing service: demand, schedules, publication, repair and coverage gaps', () => {
  let service: RunningTestService;
  let probe: EventProbe;
  let producer: Producer;
  const admin = testToken(['admin'], ['*']);

  beforeAll(async () => {
    probe = await new EventProbe(testKafka('staffing-int-probe'), [TOPICS.staffing]).start();
    service = await startTestService(AppModule.register(testEnv('staffing', StaffingEnv)), STAFFING_APP);
    producer = testKafka('staffing-int-producer').producer();
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await probe?.stop();
    await service?.shutdown();
  });

  const call = async (method: string, path: string, token: string, body?: unknown) => {
    const response = await fetch(`${service.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(method === 'POST' ? { 'idempotency-key': randomUUID() } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      body: (text ? JSON.parse(text) : {}) as Json,
    };
  };

  const send = async (propertyId: string, events: ReturnType<typeof createEvent>[]) => {
    await producer.send({
      topic: TOPICS.reservations,
      messages: events.map((event) => ({ key: propertyId, value: JSON.stringify(event) })),
    });
  };

  async function property(roomCount: number, starRating: number, extra: Json = {}): Promise<string> {
    const propertyId = randomUUID();
    const data = {
      propertyId,
      code: `P${roomCount}`,
      name: `Hotel ${roomCount}`,
      timezone: 'Europe/Paris',
      currency: 'EUR',
      country: 'FR',
      starRating,
      roomCount,
      ...extra,
    };
    await send(propertyId, [createEvent('property.updated', { propertyId, subject: propertyId, data })]);
    await eventually(async () => {
      const demand = await call(
        'GET',
        `/v1/properties/${propertyId}/staffing/demand?from=2027-05-03&to=2027-05-03`,
        admin,
      );
      expect(demand.status).toBe(200);
    });
    return propertyId;
  }

  const booking = (propertyId: string, arrival: string, extra: Json = {}) => {
    const reservationId = randomUUID();
    return createEvent('reservation.created', {
      propertyId,
      subject: reservationId,
      data: {
        reservationId,
        confirmationNumber: reservationId.slice(0, 8).toUpperCase(),
        status: 'confirmed',
        guest: { firstName: 'Ana', lastName: 'Lopez', language: 'es', vipLevel: 'none', ...extra },
        roomTypeId: randomUUID(),
        arrival,
        departure: addDays(arrival, 2),
        adults: 2,
        children: 0,
        totalPrice: { amountMinor: 30_000, currency: 'EUR' },
        nights: [
          { date: arrival, price: { amountMinor: 15_000, currency: 'EUR' } },
          { date: addDays(arrival, 1), price: { amountMinor: 15_000, currency: 'EUR' } },
        ],
      },
    });
  };

  async function hire(propertyId: string, employees: Json[]): Promise<void> {
    const manager = testToken(['front_office_manager'], [propertyId]);
    for (const employee of employees) {
      const response = await call('POST', `/v1/properties/${propertyId}/employees`, manager, employee);
      expect(response.status).toBe(201);
    }
  }

  it('sizes a 20-room motel and a 600-room five-star hotel from the same rules, with the reasons', async () => {
    const motel = await property(20, 2);
    const palace = await property(600, 5);
    const motelBookings = Array.from({ length: 8 }, () => booking(motel, '2027-05-03'));
    await send(motel, motelBookings);
    await send(palace, [
      ...Array.from({ length: 180 }, () => booking(palace, '2027-05-03')),
      ...Array.from({ length: 6 }, () => booking(palace, '2027-05-03', { vipLevel: 'vip', language: 'ja' })),
    ]);
    const demandOf = (propertyId: string, expected: number) =>
      eventually(async () => {
        const response = await call(
          'GET',
          `/v1/properties/${propertyId}/staffing/demand?from=2027-05-03&to=2027-05-03`,
          testToken(['front_desk'], [propertyId]),
        );
        expect(response.body.forecast[0].arrivals).toBe(expected);
        return response.body.items as Json[];
      });
    await demandOf(motel, 8);
    // One booking cancelled, one moved a day later: the forecast follows.
    const [first, second] = motelBookings as unknown as [Json, Json];
    await send(motel, [
      createEvent('reservation.cancelled', {
        propertyId: motel,
        subject: first.data.reservationId,
        data: {
          reservationId: first.data.reservationId,
          confirmationNumber: first.data.confirmationNumber,
          roomTypeId: first.data.roomTypeId,
          arrival: first.data.arrival,
          departure: first.data.departure,
          reason: 'plans changed',
          cancelledAt: '2027-04-01T10:00:00.000Z',
        },
      }),
      createEvent('reservation.modified', {
        propertyId: motel,
        subject: second.data.reservationId,
        data: {
          ...second.data,
          status: 'confirmed',
          changes: ['dates'],
          arrival: '2027-05-04',
          departure: '2027-05-06',
          previousArrival: second.data.arrival,
          previousDeparture: second.data.departure,
          previousRoomTypeId: second.data.roomTypeId,
          nights: [
            { date: '2027-05-04', price: { amountMinor: 15_000, currency: 'EUR' } },
            { date: '2027-05-05', price: { amountMinor: 15_000, currency: 'EUR' } },
          ],
        },
      }),
    ]);
    const motelItems = await demandOf(motel, 6);
    const nextDay = await call(
      'GET',
      `/v1/properties/${motel}/staffing/demand?from=2027-05-04&to=2027-05-04`,
      testToken(['front_desk'], [motel]),
    );
    expect(nextDay.body.forecast[0]).toMatchObject({ arrivals: 1, inHouse: 7 });
    expect(motelItems.filter((i) => i.required > 0).map((i) => [i.shift, i.role, i.required])).toEqual([
      ['morning', 'front_desk', 1],
      ['evening', 'front_desk', 1],
      ['night', 'front_desk', 1],
    ]);
    expect(motelItems[0]).toMatchObject({ date: '2027-05-03', start: '2027-05-03T05:00:00.000Z' });
    expect(motelItems[0]!.reasons.join(' ')).toContain('one multi-role clerk');

    const palaceItems = await demandOf(palace, 186);
    const forecast = await call(
      'GET',
      `/v1/properties/${palace}/staffing/demand?from=2027-05-03&to=2027-05-03`,
      testToken(['front_desk'], [palace]),
    );
    expect(forecast.body.forecast[0]).toMatchObject({
      arrivals: 186,
      vipArrivals: 6,
      arrivalLanguages: { es: 180, ja: 6 },
      checkInPeak: { from: '15:00', to: '16:00' },
    });
    const need = (shift: string, role: string) =>
      palaceItems.find((i) => i.shift === shift && i.role === role)?.required;
    expect(need('evening', 'front_desk')).toBeGreaterThanOrEqual(4);
    expect(need('morning', 'concierge')).toBeGreaterThanOrEqual(1);
    expect(need('evening', 'porter')).toBeGreaterThanOrEqual(2);
    expect(need('evening', 'front_office_manager')).toBe(1);
    const evening = palaceItems.find((i) => i.shift === 'evening' && i.role === 'front_desk')!;
    expect(evening.reasons.some((reason: string) => reason.startsWith('peak 15:00–16:00'))).toBe(true);
  });

  it('answers 400 field by field and 403 for a wrong role or property', async () => {
    const propertyId = await property(40, 3, { deskHours: { open: '07:00', close: '22:00' } });
    const manager = testToken(['front_office_manager'], [propertyId]);
    const closedAtNight = await call(
      'GET',
      `/v1/properties/${propertyId}/staffing/demand?from=2027-05-03&to=2027-05-03`,
      manager,
    );
    expect(closedAtNight.body.items.find((i: Json) => i.shift === 'night' && i.role === 'front_desk')).toMatchObject({
      required: 0,
      reasons: ['the desk is closed during this shift (open 07:00–22:00)'],
    });
    const bad = await call('POST', `/v1/properties/${propertyId}/employees`, manager, {
      name: '',
      roles: ['chef'],
      contractHoursPerWeek: -1,
      salary: 1,
    });
    expect(bad.status).toBe(400);
    expect(bad.type).toContain('application/problem+json');
    expect((bad.body.errors as Json[]).map((f) => f.field).sort()).toEqual([
      'contractHoursPerWeek',
      'name',
      'roles',
      'salary',
    ]);
    const range = await call(
      'GET',
      `/v1/properties/${propertyId}/staffing/demand?from=2027-05-03&to=2027-13-01`,
      manager,
    );
    expect(range.status).toBe(400);
    const reversed = await call(
      'GET',
      `/v1/properties/${propertyId}/staffing/demand?from=2027-05-03&to=2027-05-01`,
      manager,
    );
    expect(reversed.status).toBe(400);
    expect(range.body.errors).toEqual([{ field: 'to', messages: [expect.any(String)] }]);
    expect(reversed.body).toMatchObject({ code: 'range-reversed' });
    const preferences = await call('PUT', `/v1/properties/${propertyId}/employees/emp-x/preferences`, manager, {
      items: [{ kind: 'maybe', dayOfWeek: 8 }],
    });
    expect((preferences.body.errors as Json[]).map((f) => f.field).sort()).toEqual([
      'items[0].dayOfWeek',
      'items[0].kind',
    ]);
    const rules = await call('PUT', `/v1/properties/${propertyId}/staffing/rules`, manager, {
      shifts: [{ code: 'Early', start: '25:00', end: '14:00' }],
      targetUtilisation: 2,
    });
    expect((rules.body.errors as Json[]).map((f) => f.field).sort()).toEqual([
      'shifts[0].code',
      'shifts[0].start',
      'targetUtilisation',
    ]);
    const schedule = await call('POST', `/v1/properties/${propertyId}/schedules`, manager, { weekStart: 'monday' });
    expect(schedule.status).toBe(400);

    const changed = await call('PUT', `/v1/properties/${propertyId}/staffing/rules`, manager, {
      minutesPerCheckIn: 10,
      requiredSkills: { front_desk: ['cashiering'] },
    });
    expect(changed.status).toBe(200);
    const rulesNow = await call(
      'GET',
      `/v1/properties/${propertyId}/staffing/rules`,
      testToken(['front_desk'], [propertyId]),
    );
    expect(rulesNow.body).toMatchObject({ minutesPerCheckIn: 10, minutesPerCheckOut: 4, minRestHours: 11 });
    const skilled = await call(
      'GET',
      `/v1/properties/${propertyId}/staffing/demand?from=2027-05-03&to=2027-05-03`,
      manager,
    );
    expect(skilled.body.items.find((i: Json) => i.role === 'front_desk').skills).toEqual(['cashiering']);
    const badSkills = await call('PUT', `/v1/properties/${propertyId}/staffing/rules`, manager, {
      requiredSkills: { chef: ['knives'] },
    });
    expect(badSkills).toMatchObject({ status: 400, body: { code: 'unknown-role' } });
    expect(
      (
        await call('PUT', `/v1/properties/${propertyId}/staffing/rules`, testToken(['front_desk'], [propertyId]), {
          minutesPerCheckIn: 1,
        })
      ).status,
    ).toBe(403);

    const hired = {
      employeeId: 'emp-dup',
      name: 'Dup',
      roles: ['concierge'],
      languages: ['fr'],
      contractHoursPerWeek: 30,
    };
    expect((await call('POST', `/v1/properties/${propertyId}/employees`, manager, hired)).status).toBe(201);
    const twice = await call('POST', `/v1/properties/${propertyId}/employees`, manager, hired);
    expect(twice).toMatchObject({ status: 409, body: { code: 'employee-exists' } });
    const below = await call('PATCH', `/v1/properties/${propertyId}/employees/emp-dup`, manager, {
      maxHoursPerWeek: 10,
    });
    expect(below).toMatchObject({ status: 400, body: { code: 'max-hours-below-contract' } });
    const left = await call('PATCH', `/v1/properties/${propertyId}/employees/emp-dup`, manager, { active: false });
    expect(left.body).toMatchObject({ id: 'emp-dup', active: false, maxHoursPerWeek: 38 });
    await probe.waitFor(
      (m) =>
        m.json?.type === 'employee.updated' && m.json?.subject === 'emp-dup' && (m.json?.data as Json).active === false,
    );

    const desk = testToken(['front_desk'], [propertyId]);
    expect(
      (
        await call('POST', `/v1/properties/${propertyId}/employees`, desk, {
          name: 'X',
          roles: ['porter'],
          contractHoursPerWeek: 20,
        })
      ).status,
    ).toBe(403);
    expect(
      (await call('POST', `/v1/properties/${propertyId}/schedules`, desk, { weekStart: '2027-05-03' })).status,
    ).toBe(403);
    const elsewhere = testToken(['front_office_manager'], [randomUUID()]);
    expect(
      (await call('GET', `/v1/properties/${propertyId}/staffing/demand?from=2027-05-03&to=2027-05-03`, elsewhere))
        .status,
    ).toBe(403);
  });

  it('builds, edits, publishes and repairs a schedule; a reservation burst raises a coverage gap once', async () => {
    const propertyId = await property(120, 3);
    const manager = testToken(['front_office_manager'], [propertyId], 'fom-1');
    const desk = ['emp-d1', 'emp-d2', 'emp-d3', 'emp-d4', 'emp-d5', 'emp-d6'];
    await hire(propertyId, [
      ...desk.map((id) => ({
        employeeId: id,
        name: id,
        roles: ['front_desk'],
        languages: ['en'],
        contractHoursPerWeek: 32,
      })),
      ...['emp-p1', 'emp-p2', 'emp-p3'].map((id) => ({
        employeeId: id,
        name: id,
        roles: ['porter'],
        contractHoursPerWeek: 40,
      })),
    ]);
    const registered = await probe.waitFor((m) => m.json?.type === 'employee.updated' && m.json?.subject === 'emp-d1');
    expect(validateEvent(registered.json).propertyId).toBe(propertyId);

    const draft = await call('POST', `/v1/properties/${propertyId}/schedules`, manager, { weekStart: '2027-05-03' });
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ status: 'draft', violations: [], unfilled: [] });
    expect(draft.body.assignments).toHaveLength(21 + 14);
    expect(draft.body.assignments[0]).toEqual({
      employeeId: expect.any(String),
      role: expect.any(String),
      date: '2027-05-03',
      shift: 'morning',
      start: '2027-05-03T05:00:00.000Z',
      end: '2027-05-03T13:00:00.000Z',
    });
    const scheduleId = draft.body.id as string;

    // The manager gives someone a second shift the same day: the draft shows the broken rules.
    const morning = (draft.body.assignments as Json[]).find((a) => a.role === 'front_desk' && a.shift === 'morning')!;
    const edited = await call('PATCH', `/v1/properties/${propertyId}/schedules/${scheduleId}/assignments`, manager, {
      add: [{ employeeId: morning.employeeId, role: 'front_desk', date: morning.date, shift: 'evening' }],
    });
    expect(edited.status).toBe(200);
    expect(edited.body.violations.map((v: Json) => v.rule)).toEqual(
      expect.arrayContaining(['two_shifts_same_day', 'rest_too_short']),
    );
    expect((await call('POST', `/v1/properties/${propertyId}/schedules/${scheduleId}/publish`, manager)).status).toBe(
      409,
    );
    const undone = await call('PATCH', `/v1/properties/${propertyId}/schedules/${scheduleId}/assignments`, manager, {
      remove: [{ employeeId: morning.employeeId, role: 'front_desk', date: morning.date, shift: 'evening' }],
    });
    expect(undone.body.violations).toEqual([]);

    expect(
      (
        await call(
          'POST',
          `/v1/properties/${propertyId}/schedules/${scheduleId}/publish`,
          testToken(['front_desk'], [propertyId]),
        )
      ).status,
    ).toBe(403);
    const published = await call('POST', `/v1/properties/${propertyId}/schedules/${scheduleId}/publish`, manager);
    expect(published.status).toBe(200);
    expect(published.body.status).toBe('published');
    const announced = await probe.waitFor(
      (m) => m.json?.type === 'schedule.published' && m.json?.subject === scheduleId,
    );
    expect((validateEvent(announced.json).data as Json).shifts).toHaveLength(35);

    const listed = await call('GET', `/v1/properties/${propertyId}/schedules?weekStart=2027-05-03`, manager);
    expect(listed.body.items).toEqual([expect.objectContaining({ id: scheduleId, status: 'published', unfilled: 0 })]);

    // Each employee sees their own shifts.
    const mine = await call(
      'GET',
      `/v1/properties/${propertyId}/my-shifts?from=2027-05-03&to=2027-05-09`,
      testToken(['front_desk'], [propertyId], 'emp-d1'),
    );
    expect(mine.status).toBe(200);
    expect(mine.body.items.length).toBeGreaterThan(0);
    expect(mine.body.items.every((s: Json) => s.role === 'front_desk')).toBe(true);
    const own = (published.body.assignments as Json[]).filter((a) => a.employeeId === 'emp-d1');
    expect(mine.body.items).toHaveLength(own.length);

    // emp-d1 falls sick: the repair replaces only their shifts.
    const sick = await call('POST', `/v1/properties/${propertyId}/employees/emp-d1/absences`, manager, {
      kind: 'sick',
      from: '2027-05-03',
      to: '2027-05-09',
    });
    expect(sick.status).toBe(201);
    const [repair] = sick.body.repairs as Json[];
    expect(repair!.removed.map((a: Json) => a.employeeId)).toEqual(own.map(() => 'emp-d1'));
    expect(repair!.added).toHaveLength(own.length);
    expect(repair!.added.every((a: Json) => a.employeeId !== 'emp-d1' && a.role === 'front_desk')).toBe(true);
    const applied = await call(
      'POST',
      `/v1/properties/${propertyId}/schedules/${scheduleId}/repairs/${repair!.id}/apply`,
      manager,
    );
    expect(applied.status).toBe(200);
    expect(applied.body.violations).toEqual([]);
    expect(applied.body.assignments.some((a: Json) => a.employeeId === 'emp-d1')).toBe(false);

    // A burst of bookings for Wednesday: the evening desk is now short.
    await send(
      propertyId,
      Array.from({ length: 90 }, () => booking(propertyId, '2027-05-05')),
    );
    const gap = await probe.waitFor(
      (m) =>
        m.json?.type === 'staffing.coverage-gap-detected' &&
        (m.json?.data as Json | undefined)?.scheduleId === scheduleId &&
        (m.json?.data as Json).shift === 'evening' &&
        (m.json?.data as Json).role === 'front_desk',
      30_000,
    );
    const data = validateEvent(gap.json).data as Json;
    expect(data).toMatchObject({ date: '2027-05-05', scheduled: 1 });
    expect(data.required).toBeGreaterThan(1);
    await eventually(async () => {
      const demand = await call(
        'GET',
        `/v1/properties/${propertyId}/staffing/demand?from=2027-05-05&to=2027-05-05`,
        manager,
      );
      expect(demand.body.forecast[0].arrivals).toBe(90);
    });

    // More bookings the same day: no second alert for the same gap.
    await send(
      propertyId,
      Array.from({ length: 5 }, () => booking(propertyId, '2027-05-05')),
    );
    await eventually(async () => {
      const after = await call(
        'GET',
        `/v1/properties/${propertyId}/staffing/demand?from=2027-05-05&to=2027-05-05`,
        manager,
      );
      expect(after.body.forecast[0].arrivals).toBe(95);
    });
    const alerts = () =>
      probe.messages.filter(
        (m) =>
          m.json?.type === 'staffing.coverage-gap-detected' &&
          (m.json?.data as Json | undefined)?.scheduleId === scheduleId &&
          (m.json?.data as Json).date === '2027-05-05' &&
          (m.json?.data as Json).shift === 'evening' &&
          (m.json?.data as Json).role === 'front_desk',
      );
    // Anything the bookings raised was committed before this employee; the relay keeps the property's order.
    await hire(propertyId, [{ employeeId: 'emp-late', name: 'Late', roles: ['porter'], contractHoursPerWeek: 20 }]);
    await probe.waitFor((m) => m.json?.type === 'employee.updated' && m.json?.subject === 'emp-late');
    expect(alerts()).toHaveLength(1);
  });
});
