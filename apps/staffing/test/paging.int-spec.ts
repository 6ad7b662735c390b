import { createEvent, TOPICS } from '@frontoffice/contracts';
import {
  eventually,
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

/** The employees and schedules lists page by keyset: every row exactly once, in order, filters on every page. */
describe('staffing: keyset paging of lists', () => {
  let service: RunningTestService;
  let producer: Producer;
  const propertyId = randomUUID();
  const base = `/v1/properties/${propertyId}`;
  const manager = testToken(['front_office_manager'], [propertyId]);

  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${service.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${manager}`,
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

  /** Follows nextCursor from the first page until it is null. */
  const walk = async (path: string, limit: number): Promise<{ items: Json[]; pages: number }> => {
    const items: Json[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const separator = path.includes('?') ? '&' : '?';
      const page = await call('GET', `${path}${separator}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(limit);
      items.push(...page.body.items);
      cursor = page.body.nextCursor;
      pages += 1;
      expect(pages).toBeLessThan(50);
    } while (cursor !== null);
    return { items, pages };
  };

  const expectBadCursor = async (path: string) => {
    const forged = Buffer.from(JSON.stringify(['a', 'b', 'c', 'd', 'e', 'f'])).toString('base64url');
    for (const cursor of ['garbage', forged]) {
      const answer = await call('GET', `${path}?cursor=${cursor}`);
      expect(answer.status).toBe(400);
      expect(answer.type).toContain('application/problem+json');
      const fields = [answer.body.field, ...((answer.body.errors ?? []) as Json[]).map((error) => error.field)];
      expect(fields).toContain('cursor');
    }
  };

  beforeAll(async () => {
    service = await startTestService(AppModule.register(testEnv('staffing', StaffingEnv)), STAFFING_APP);
    producer = testKafka('staffing-paging-producer').producer();
    await producer.connect();
    const data = {
      propertyId,
      code: 'PAGE',
      name: 'Hotel Paging',
      timezone: 'Europe/Paris',
      currency: 'EUR',
      country: 'FR',
      starRating: 3,
      roomCount: 10,
    };
    await producer.send({
      topic: TOPICS.reservations,
      messages: [
        {
          key: propertyId,
          value: JSON.stringify(createEvent('property.updated', { propertyId, subject: propertyId, data })),
        },
      ],
    });
    await eventually(async () => {
      expect((await call('GET', `${base}/staffing/demand?from=2027-05-03&to=2027-05-03`)).status).toBe(200);
    });
  });

  afterAll(async () => {
    await producer?.disconnect();
    await service?.shutdown();
  });

  it('pages employees by name, then id', async () => {
    const names = ['Zoé', 'Adam', 'Marc', 'Adam', 'Lina', 'Bruno', 'Marc', 'Eva'];
    for (const [index, name] of names.entries()) {
      const hired = await call('POST', `${base}/employees`, {
        employeeId: `emp-p${index}`,
        name,
        roles: ['front_desk'],
        contractHoursPerWeek: 35,
      });
      expect(hired.status).toBe(201);
    }
    const walked = await walk(`${base}/employees`, 3);
    expect(walked.pages).toBe(3);
    expect(walked.items.map((item) => `${item.name}/${item.id ?? item.employeeId}`)).toEqual([
      'Adam/emp-p1',
      'Adam/emp-p3',
      'Bruno/emp-p5',
      'Eva/emp-p7',
      'Lina/emp-p4',
      'Marc/emp-p2',
      'Marc/emp-p6',
      'Zoé/emp-p0',
    ]);
    const whole = await call('GET', `${base}/employees?limit=500`);
    expect(whole.body.nextCursor).toBeNull();
    expect(whole.body.items).toEqual(walked.items);
    await expectBadCursor(`${base}/employees`);
    expect((await call('GET', `${base}/employees?limit=0`)).status).toBe(400);
  });

  it('pages schedules newest week first, with the status filter on every page', async () => {
    const weeks = ['2027-05-03', '2027-05-17', '2027-05-10', '2027-05-31', '2027-05-24', '2027-06-07', '2027-06-14'];
    const ids: Record<string, string> = {};
    for (const weekStart of weeks) {
      const built = await call('POST', `${base}/schedules`, { weekStart });
      expect(built.status).toBe(201);
      ids[weekStart] = built.body.id;
    }
    const walked = await walk(`${base}/schedules`, 3);
    expect(walked.pages).toBe(3);
    const newestFirst = [...weeks].sort().reverse();
    expect(walked.items.map((item) => item.weekStart)).toEqual(newestFirst);
    expect(walked.items.map((item) => item.id)).toEqual(newestFirst.map((week) => ids[week]));
    const drafts = await walk(`${base}/schedules?status=draft`, 2);
    expect(drafts.items.map((item) => item.id)).toEqual(newestFirst.map((week) => ids[week]));
    expect(drafts.items.every((item) => item.status === 'draft')).toBe(true);
    expect((await walk(`${base}/schedules?status=published`, 2)).items).toEqual([]);
    const oneWeek = await walk(`${base}/schedules?weekStart=2027-05-10`, 1);
    expect(oneWeek.items.map((item) => item.id)).toEqual([ids['2027-05-10']]);
    await expectBadCursor(`${base}/schedules`);
  });
});
