// FEC: billing-bridge exports `lines` journal lines (seeded set-based in its database) as a streamed FEC file →
// seconds and peak RSS of its process; baseline: the same query copied out by psql (the database's ceiling).
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import pg from 'pg';
import { peakRss, rssMb } from './measure.mjs';

const DAYS = 30;
const FIRST_DAY = '2026-01-01';

/** Seeds closed batches of `lines` lines (two per entry) over 30 days for a fresh property; triggers off while seeding. */
async function seed(databaseUrl, propertyId, lines) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const entries = Math.ceil(lines / 2);
  try {
    await client.query('BEGIN');
    // The seed balances by construction; the per-row balance trigger would only slow it down.
    await client.query('SET LOCAL session_replication_role = replica');
    await client.query(
      `INSERT INTO journal_settings (property_id, siren, company_name, updated_by) VALUES ($1, '552100554', 'Hôtel Bench SAS', 'bench')`,
      [propertyId],
    );
    await client.query(
      `INSERT INTO journal_batch (property_id, business_date, currency, debit_minor, credit_minor, entry_count, line_count, figures)
       SELECT $1, $2::date + day, 'EUR', 0, 0, 0, 0, '{}' FROM generate_series(0, $3 - 1) AS day`,
      [propertyId, FIRST_DAY, DAYS],
    );
    await client.query(
      `INSERT INTO journal_entry (property_id, business_date, kind, source_id, journal_code, journal_label, entry_number,
         currency, label, fact, batch_id)
       SELECT $1, b.business_date, 'charge', 'bench-' || n, 'VE', 'Ventes', n, 'EUR', 'Nuitée chambre ' || n, '{}', b.id
         FROM generate_series(1, $2) AS n
         JOIN journal_batch b ON b.property_id = $1 AND b.business_date = $3::date + (n % $4)`,
      [propertyId, entries, FIRST_DAY, DAYS],
    );
    await client.query(
      `INSERT INTO journal_line (entry_id, line_no, property_id, business_date, account_role, account, account_label,
         aux_account, aux_label, debit_minor, credit_minor, currency, label)
       SELECT e.id, side.line_no, e.property_id, e.business_date, side.role, side.account, side.account_label,
              side.aux_account, side.aux_label, side.debit, side.credit, 'EUR', e.label
         FROM journal_entry e
        CROSS JOIN LATERAL (VALUES
          (1::smallint, 'guest_ledger', '411000', 'Clients hébergés', 'F' || e.entry_number, 'Folio ' || e.entry_number, 12900, 0),
          (2::smallint, 'room_revenue', '706100', 'Hébergement', NULL, NULL, 0, 12900)
        ) AS side(line_no, role, account, account_label, aux_account, aux_label, debit, credit)
        WHERE e.property_id = $1`,
      [propertyId],
    );
    await client.query('COMMIT');
    await client.query('ANALYZE journal_entry, journal_line, journal_batch');
  } finally {
    await client.end();
  }
  return entries * 2;
}

function download(url, token) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    http
      .get(url, { headers: { authorization: `Bearer ${token}` } }, (response) => {
        let bytes = 0;
        let newlines = 0;
        response.on('data', (chunk) => {
          bytes += chunk.length;
          for (let index = chunk.indexOf(10); index >= 0; index = chunk.indexOf(10, index + 1)) newlines += 1;
        });
        response.on('end', () =>
          resolve({
            status: response.statusCode,
            bytes,
            lines: newlines,
            seconds: (performance.now() - started) / 1000,
          }),
        );
        response.on('error', reject);
      })
      .on('error', reject);
  });
}

/** The export's query, copied out by psql to /dev/null. */
async function psqlCopy(databaseUrl, propertyId) {
  const last = new Date(Date.parse(`${FIRST_DAY}T00:00:00Z`) + (DAYS - 1) * 86_400_000).toISOString().slice(0, 10);
  const sql =
    `\\copy (SELECT e.journal_code, e.journal_label, e.entry_number, b.business_date::text, l.account, l.account_label,
    l.aux_account, l.aux_label, e.source_id, e.business_date::text, l.label, l.debit_minor, l.credit_minor, l.currency
    FROM journal_entry e JOIN journal_batch b ON b.id = e.batch_id JOIN journal_line l ON l.entry_id = e.id
    WHERE e.property_id = '${propertyId}' AND b.business_date BETWEEN '${FIRST_DAY}' AND '${last}' AND e.entry_number IS NOT NULL
    ORDER BY e.journal_code, e.entry_number, l.line_no) TO '/dev/null' WITH (DELIMITER '|')`.replace(/\s+/g, ' ');
  const started = performance.now();
  await new Promise((resolve, reject) => {
    const child = spawn('psql', ['-X', '-q', '-d', databaseUrl, '-c', sql], { stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk) => (errors += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`psql copy failed: ${errors}`))));
  });
  return (performance.now() - started) / 1000;
}

export async function fecBench(stack, { lines }) {
  const propertyId = randomUUID();
  const databaseUrl = stack.databaseOf('billing-bridge');
  const seeded = await seed(databaseUrl, propertyId, lines);
  const last = new Date(Date.parse(`${FIRST_DAY}T00:00:00Z`) + (DAYS - 1) * 86_400_000).toISOString().slice(0, 10);
  const billing = stack.byName['billing-bridge'];
  const token = stack.token(['finance'], [propertyId]);
  const url = `${billing.url}/v1/properties/${propertyId}/exports/fec?from=${FIRST_DAY}&to=${last}`;
  const idleMb = await rssMb(billing.pid);
  const { result, peakMb } = await peakRss(billing.pid, () => download(url, token));
  if (result.status !== 200) throw new Error(`FEC export answered ${result.status}`);
  const copySeconds = await psqlCopy(databaseUrl, propertyId);
  return {
    seeded,
    exportedLines: result.lines - 1,
    seconds: result.seconds,
    peakMb,
    idleMb,
    bytes: result.bytes,
    copySeconds,
  };
}
