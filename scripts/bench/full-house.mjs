// Full house: `stays` guests in house in a hotel of as many rooms, then the night audit → time until billing-bridge
// has posted every room night and closed the day's journal batch.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { benchProperty, bookingBody } from './stack.mjs';
import { closedLoop, jsonClient } from './load.mjs';

export async function fullHouseBench(stack, { stays, clients }) {
  // One room is taken by the warm-up booking's night later in the year, not tonight: every room is free tonight.
  const setup = await benchProperty(stack, { rooms: stays, code: 'FULL' });
  const reservations = jsonClient(stack.byName.reservations.url, { connections: clients });
  const desk = { authorization: `Bearer ${setup.desk}` };
  const base = `/v1/properties/${setup.propertyId}`;
  const checkIn = await closedLoop({
    total: stays,
    clients,
    send: async (index) => {
      const booked = await reservations.request(
        'POST',
        `${base}/reservations`,
        { ...bookingBody(setup.roomTypeId, setup.businessDate, 0, `House${index}`) },
        { ...desk, 'idempotency-key': randomUUID() },
      );
      if (booked.status !== 201) return { ok: false, detail: `book ${booked.status} ${booked.text.slice(0, 200)}` };
      const { id } = JSON.parse(booked.text);
      const arrived = await reservations.request('POST', `${base}/reservations/${id}/check-in`, {}, desk);
      return {
        ok: arrived.status === 200 || arrived.status === 201,
        ms: arrived.ms,
        detail: `check-in ${arrived.status} ${arrived.text.slice(0, 200)}`,
      };
    },
  });
  if (checkIn.failures > 0) console.error(`  ${checkIn.failures} stays not in house, e.g. ${checkIn.firstFailure}`);
  const inHouse = stays - checkIn.failures;

  const billing = new pg.Client({ connectionString: stack.databaseOf('billing-bridge') });
  await billing.connect();
  try {
    // Billing must have every folio before the audit, or the measure would include the check-ins' own lag.
    await until(
      async () =>
        (await count(billing, 'SELECT count(*) FROM folio WHERE property_id = $1', setup.propertyId)) >= inHouse + 1,
      180_000,
    );
    const manager = stack.token(['front_office_manager'], [setup.propertyId]);
    const started = performance.now();
    const audit = await reservations.request(
      'POST',
      `${base}/night-audit`,
      { businessDate: setup.businessDate },
      {
        authorization: `Bearer ${manager}`,
      },
    );
    const auditAnswered = performance.now() - started;
    if (audit.status >= 300) throw new Error(`night audit: ${audit.status} ${audit.text}`);
    await until(
      async () =>
        (await count(
          billing,
          `SELECT count(*) FROM posting WHERE property_id = $1 AND source = 'night_audit' AND business_date = $2`,
          setup.propertyId,
          setup.businessDate,
        )) >= inHouse,
      300_000,
    );
    const posted = performance.now() - started;
    await until(
      async () =>
        (await count(
          billing,
          'SELECT count(*) FROM journal_batch WHERE property_id = $1 AND business_date = $2',
          setup.propertyId,
          setup.businessDate,
        )) > 0,
      300_000,
    );
    const closed = performance.now() - started;
    return { inHouse, auditMs: auditAnswered, postedMs: posted, closedMs: closed };
  } finally {
    await billing.end();
    reservations.close();
  }
}

async function count(client, sql, ...parameters) {
  return Number((await client.query(sql, parameters)).rows[0].count);
}

async function until(condition, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`not reached within ${timeoutMs} ms`);
    await sleep(20);
  }
}
