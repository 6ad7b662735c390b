import type { ValueTransformer } from 'typeorm';

/**
 * Money columns are `bigint` minor units; node-postgres returns bigint as a string. Amounts stay far below 2^53, so
 * they are read back as numbers (and a larger value fails loudly instead of losing precision).
 */
export const bigintMinorUnits: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => {
    if (value === null) return null;
    const amount = Number(value);
    if (!Number.isSafeInteger(amount)) throw new RangeError(`Amount ${value} exceeds the safe integer range`);
    return amount;
  },
};

/** The connection URL of a database on the PostgreSQL server given by PGHOST, PGPORT, PGUSER and PGPASSWORD. */
export function postgresUrl(database: string, source: Record<string, string | undefined> = process.env): string {
  const user = encodeURIComponent(source.PGUSER ?? 'postgres');
  const password = source.PGPASSWORD ? `:${encodeURIComponent(source.PGPASSWORD)}` : '';
  return `postgres://${user}${password}@${source.PGHOST ?? '127.0.0.1'}:${source.PGPORT ?? '5432'}/${database}`;
}
