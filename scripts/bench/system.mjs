// System: N one-night bookings (nights spread over a year, no contention) from 32 clients through the four services,
// with CPU per booking per process; baselines: the same SQL through pgbench, and through a bare node:http + pg server.
import { randomUUID } from 'node:crypto';
import { bookingBody, benchProperty } from './stack.mjs';
import { closedLoop, jsonClient } from './load.mjs';
import { bareBaseline, pgbenchBaseline } from './baselines.mjs';
import { CpuMeter, percentile, pidListeningOn, postgresPids } from './measure.mjs';

/** Books `total` one-night stays at `clients` concurrency; `offsetBase` keeps each run's nights apart. */
export async function bookMany(stack, setup, { total, clients, offsetBase = 0, spread = 365 }) {
  const client = jsonClient(stack.byName.reservations.url, { connections: clients });
  const path = `/v1/properties/${setup.propertyId}/reservations`;
  const auth = `Bearer ${setup.desk}`;
  try {
    return await closedLoop({
      total,
      clients,
      send: async (index) => {
        const answer = await client.request(
          'POST',
          path,
          bookingBody(setup.roomTypeId, setup.businessDate, offsetBase + (index % spread)),
          { authorization: auth, 'idempotency-key': randomUUID() },
        );
        return { ok: answer.status === 201, ms: answer.ms, detail: `${answer.status} ${answer.text.slice(0, 300)}` };
      },
    });
  } finally {
    client.close();
  }
}

/** CPU groups: each service process, the Kafka broker JVM (of our port), and PostgreSQL (server and backends). */
export function cpuGroups(stack) {
  const groups = Object.fromEntries(stack.services.map((service) => [service.name, async () => [service.pid]]));
  const brokerPort = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',')[0].split(':').pop();
  let broker;
  groups.kafka = async () => {
    broker ??= await pidListeningOn(brokerPort);
    return broker ? [broker] : [];
  };
  groups.postgres = () => postgresPids(process.env.PGPORT ?? 5432);
  return groups;
}

export async function systemBench(stack, { bookings, clients }) {
  const setup = await benchProperty(stack, { rooms: 100 });
  // Warm-up: JIT, pools and prepared paths, not measured.
  await bookMany(stack, setup, { total: Math.min(400, bookings / 5), clients, offsetBase: 0 });
  const meter = new CpuMeter(cpuGroups(stack));
  await meter.start();
  const run = await bookMany(stack, setup, { total: bookings, clients, offsetBase: 0 });
  const cpu = await meter.stop();
  if (run.failures > 0) console.error(`  ${run.failures} bookings failed, e.g. ${run.firstFailure}`);
  const database = stack.databaseName('reservations');
  const pgbench = await pgbenchBaseline({ database, setup, clients, transactions: bookings });
  const bare = await bareBaseline({
    databaseUrl: stack.databaseOf('reservations'),
    setup,
    clients,
    total: bookings,
    body: (index) => bookingBody(setup.roomTypeId, setup.businessDate, index % 365),
  });
  return {
    setup,
    pgbench,
    bare,
    perSecond: run.perSecond,
    p50: percentile(run.latencies, 50),
    p99: percentile(run.latencies, 99),
    booked: run.latencies.length,
    cpuPerBooking: Object.fromEntries(Object.entries(cpu).map(([name, ms]) => [name, ms / run.latencies.length])),
  };
}
