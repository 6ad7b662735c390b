import type { DataSource } from 'typeorm';

export interface CursorOptions {
  /** Rows fetched per round trip: memory stays bounded by this, whatever the period. */
  batchSize?: number;
  /** Stop early (the client went away). */
  aborted?: () => boolean;
}

/**
 * Runs a query through a PostgreSQL server-side cursor on a dedicated connection, handing rows over `batchSize` at a
 * time, in a read-only repeatable-read transaction so the whole export sees one consistent snapshot. The consumer
 * awaits its own back-pressure (e.g. the HTTP response draining) before the next batch is fetched.
 */
export async function forEachRowBatch<Row>(
  dataSource: DataSource,
  sql: string,
  parameters: unknown[],
  consume: (rows: Row[]) => Promise<void>,
  // 5,000 rows (~1 MB of FEC text) per round trip: 500 made a 1,000,000-line export 2,000 FETCHes and event-loop
  // turns, 20× slower than psql copying the same query out (npm run bench); memory stays bounded either way.
  { batchSize = 5000, aborted = () => false }: CursorOptions = {},
): Promise<number> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  let count = 0;
  try {
    await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await runner.query(`DECLARE export_cursor NO SCROLL CURSOR FOR ${sql}`, parameters);
    for (;;) {
      if (aborted()) break;
      const rows: Row[] = await runner.query(`FETCH FORWARD ${Math.trunc(batchSize)} FROM export_cursor`);
      if (rows.length === 0) break;
      count += rows.length;
      await consume(rows);
    }
    await runner.query('COMMIT');
    return count;
  } catch (error) {
    await runner.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await runner.release();
  }
}
