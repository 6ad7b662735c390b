// The two baselines of the system figure, run on the same PostgreSQL in the same run: the booking's SQL through
// pgbench (no application at all) and through a bare node:http + pg server under the bench's own load generator.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import http from 'node:http';
import { Buffer } from 'node:buffer';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { BOOKING_STATEMENTS, pgbenchScript, toPositional } from './booking-sql.mjs';
import { closedLoop, jsonClient } from './load.mjs';
import { percentile } from './measure.mjs';

/** pgbench with the booking script: transactions/s and mean latency (ms) at `clients` connections. */
export async function pgbenchBaseline({ database, setup, clients, transactions }) {
  const script = join(tmpdir(), `frontoffice-booking-${process.pid}.pgbench`);
  await writeFile(script, pgbenchScript({ nights: 365 }));
  const args = [
    '-n',
    '-M',
    'extended',
    '-c',
    String(clients),
    '-j',
    '2',
    '-t',
    String(Math.max(1, Math.round(transactions / clients))),
    '-f',
    script,
    '-D',
    `property=${setup.propertyId}`,
    '-D',
    `roomtype=${setup.roomTypeId}`,
    '-D',
    `businessdate=${setup.businessDate}`,
    '-D',
    'scope=bench-pgbench',
    '-h',
    process.env.PGHOST ?? '127.0.0.1',
    '-p',
    String(process.env.PGPORT ?? 5432),
    '-U',
    process.env.PGUSER ?? 'postgres',
    database,
  ];
  const output = await new Promise((resolve, reject) => {
    const child = spawn('pgbench', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (chunk) => (text += chunk));
    child.stderr.on('data', (chunk) => (text += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`pgbench failed (${code}):\n${text}`))));
  });
  const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(output)?.[1]);
  const latency = Number(/latency average = ([\d.]+) ms/.exec(output)?.[1]);
  const failed = Number(/number of failed transactions: (\d+)/.exec(output)?.[1] ?? 0);
  return { perSecond: tps, meanMs: latency, failed };
}

/** A bare node:http server running the booking's SQL on a pg pool: the runtime's ceiling, without any framework. */
export async function bareServer({ databaseUrl, setup, poolSize = 10 }) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  const prepared = BOOKING_STATEMENTS.map((statement) => ({ ...statement, ...toPositional(statement.sql) }));
  const server = http.createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', async () => {
      const body = JSON.parse(Buffer.concat(chunks).toString());
      const values = {
        scope: 'bench-bare',
        key: randomUUID(),
        property: setup.propertyId,
        roomtype: setup.roomTypeId,
        arrival: body.arrival,
      };
      const client = await pool.connect();
      try {
        for (const statement of prepared) {
          const result = await client.query(
            statement.text,
            statement.names.map((name) => values[name]),
          );
          if (statement.gset) Object.assign(values, { guest_id: result.rows[0].id });
        }
        response.writeHead(201, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ id: values.key, arrival: body.arrival, padding: 'x'.repeat(900) }));
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        response.writeHead(500, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: error.message }));
      } finally {
        client.release();
      }
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  return {
    url,
    async stop() {
      await new Promise((resolve) => server.close(resolve));
      await pool.end();
    },
  };
}

/** Drives the bare server with the same closed-loop generator and request bodies as the system run. */
export async function bareBaseline({ databaseUrl, setup, clients, total, body }) {
  const server = await bareServer({ databaseUrl, setup });
  const client = jsonClient(server.url, { connections: clients });
  try {
    const run = await closedLoop({
      total,
      clients,
      send: async (index) => {
        const answer = await client.request('POST', '/book', body(index));
        return { ok: answer.status === 201, ms: answer.ms, detail: `${answer.status} ${answer.text.slice(0, 300)}` };
      },
    });
    if (run.failures > 0) console.error(`  bare server: ${run.failures} failed, e.g. ${run.firstFailure}`);
    return { perSecond: run.perSecond, p50: percentile(run.latencies, 50), p99: percentile(run.latencies, 99) };
  } finally {
    client.close();
    await server.stop();
  }
}
