import type { EntityManager } from 'typeorm';

/**
 * What a service knows about one guest it must forget: the ids their records carry (reservations, folios, the
 * guest profile) and the names they were known by. Only rows mentioning one of the ids are touched, so another
 * guest who shares a first name keeps theirs.
 */
export interface PersonalDataErasure {
  ids: string[];
  names: string[];
  replacement: string;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Every string in a JSON value with the erased names replaced: a string that is only a name becomes the
 * replacement, and a name inside free text ("Taxi for Noa Levi") is replaced as a whole word. A full name matches
 * whatever its case; a single word only as written (so a guest called "An" leaves "an issue" alone). Longer names
 * go first, so "Noa Levi" is replaced before "Noa".
 */
export function redactNames<T>(value: T, names: string[], replacement: string): T {
  const wanted = [...new Set(names.map((name) => name.trim()).filter((name) => name.length > 0))].sort(
    (a, b) => b.length - a.length,
  );
  if (wanted.length === 0) return value;
  const whole = new Set(wanted.map((name) => name.toLocaleLowerCase()));
  const wordsOf = (list: string[], flags: string) =>
    list.length === 0
      ? undefined
      : new RegExp(`(?<![\\p{L}\\p{N}])(?:${list.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, flags);
  const fullNames = wordsOf(
    wanted.filter((name) => /\s/.test(name)),
    'giu',
  );
  const singleWords = wordsOf(
    wanted.filter((name) => !/\s/.test(name)),
    'gu',
  );
  const redactText = (text: string) => {
    if (whole.has(text.trim().toLocaleLowerCase())) return replacement;
    const withoutFullNames = fullNames ? text.replace(fullNames, replacement) : text;
    return singleWords ? withoutFullNames.replace(singleWords, replacement) : withoutFullNames;
  };
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') return redactText(node);
    if (Array.isArray(node)) return node.map(walk);
    if (node && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, walk(child)]));
    }
    return node;
  };
  return walk(value) as T;
}

/** The names a person is known by: the full names given plus each of their words (first and last name apart). */
export function nameVariants(fullNames: Array<string | null | undefined>): string[] {
  const variants = new Set<string>();
  for (const name of fullNames) {
    const trimmed = name?.trim();
    if (!trimmed) continue;
    variants.add(trimmed);
    for (const word of trimmed.split(/\s+/)) if (word.length > 1) variants.add(word);
  }
  return [...variants];
}

/** Where to redact: a table's rows chosen by a WHERE clause, and the text or jsonb columns to rewrite. */
export interface RedactionTarget {
  table: string;
  key: string[];
  columns: Array<{ name: string; type: 'text' | 'jsonb' }>;
  /** SQL condition over the table; its parameters are numbered from $1. */
  where: string;
  parameters: unknown[];
}

/**
 * Rewrites the chosen rows with the erased names redacted (redactNames), in the caller's transaction: one SELECT
 * locking the rows, one UPDATE of the rows that changed. Table and column names come from code, never from input.
 * Answers how many rows changed.
 */
export async function redactRows(
  manager: EntityManager,
  target: RedactionTarget,
  erasure: Pick<PersonalDataErasure, 'names' | 'replacement'>,
): Promise<number> {
  if (erasure.names.length === 0) return 0;
  const { table, key, columns } = target;
  const keyColumns = key.join(', ');
  const rows: Array<Record<string, unknown>> = await manager.query(
    `SELECT ${keyColumns}, ${columns.map((column) => column.name).join(', ')} FROM ${table}
      WHERE ${target.where} FOR UPDATE`,
    target.parameters,
  );
  const changed = rows
    .map((row) => ({
      row,
      redacted: columns.map((column) => redactNames(row[column.name], erasure.names, erasure.replacement)),
    }))
    .filter(({ row, redacted }) =>
      columns.some((column, index) => JSON.stringify(redacted[index]) !== JSON.stringify(row[column.name])),
    );
  if (changed.length === 0) return 0;
  // One statement for every changed row: keys and new values travel as parallel text arrays.
  const arrays = [
    ...key.map((name) => changed.map(({ row }) => String(row[name]))),
    ...columns.map((column, index) =>
      changed.map(({ redacted }) => {
        const value = redacted[index];
        if (value === null || value === undefined) return null;
        return column.type === 'jsonb' ? JSON.stringify(value) : String(value);
      }),
    ),
  ];
  const aliases = [...key.map((name) => `k_${name}`), ...columns.map((column) => `v_${column.name}`)];
  const unnest = arrays.map((_, index) => `$${index + 1}::text[]`).join(', ');
  const assignments = columns
    .map((column) => `${column.name} = changes.v_${column.name}${column.type === 'jsonb' ? '::jsonb' : ''}`)
    .join(', ');
  const match = key.map((name) => `${table}.${name}::text = changes.k_${name}`).join(' AND ');
  await manager.query(
    `UPDATE ${table} SET ${assignments} FROM unnest(${unnest}) AS changes(${aliases.join(', ')}) WHERE ${match}`,
    arrays,
  );
  return changed.length;
}

/**
 * The common case of redactRows: text columns of a table keyed by `id`, the rows chosen by a condition over one
 * array parameter ($1), e.g. `reservation_id = ANY($1::uuid[])`.
 */
export function redactTextColumns(
  manager: EntityManager,
  table: string,
  columns: string[],
  where: string,
  ids: string[],
  erasure: Pick<PersonalDataErasure, 'names' | 'replacement'>,
): Promise<number> {
  return redactRows(
    manager,
    { table, key: ['id'], columns: columns.map((name) => ({ name, type: 'text' })), where, parameters: [ids] },
    erasure,
  );
}

function redactJsonColumn(
  manager: EntityManager,
  table: 'outbox_event' | 'idempotency_record',
  key: string[],
  column: string,
  erasure: PersonalDataErasure,
): Promise<number> {
  if (erasure.ids.length === 0) return Promise.resolve(0);
  return redactRows(
    manager,
    {
      table,
      key,
      columns: [{ name: column, type: 'jsonb' }],
      where: `${column} IS NOT NULL AND ${column}::text LIKE ANY($1::text[])`,
      parameters: [erasure.ids.map((id) => `%${id}%`)],
    },
    erasure,
  );
}

/**
 * Erasure on request reaches the outbox too: events already published stay there for days (the relay's retention)
 * and unpublished ones would carry the name to Kafka. Rewrites, in the caller's transaction, every outbox envelope
 * that mentions one of the guest's ids. Answers how many rows changed.
 */
export function eraseFromOutbox(manager: EntityManager, erasure: PersonalDataErasure): Promise<number> {
  return redactJsonColumn(manager, 'outbox_event', ['id'], 'envelope', erasure);
}

/**
 * Stored answers replayed for an Idempotency-Key keep what the first answer said; after an erasure a replay answers
 * with the names redacted (the record itself stays, so a replay still never acts twice).
 */
export function eraseFromIdempotencyRecords(manager: EntityManager, erasure: PersonalDataErasure): Promise<number> {
  return redactJsonColumn(manager, 'idempotency_record', ['scope', 'idempotency_key'], 'response_body', erasure);
}
