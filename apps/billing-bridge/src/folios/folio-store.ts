import type { ChargeType } from '@frontoffice/contracts';
import { ConflictError, NotFoundError } from '@frontoffice/platform';
import type { EntityManager } from 'typeorm';
import { invalidField } from './money-input';

export type FolioStatusName = 'open' | 'due' | 'settled' | 'closed';

/** A folio as the money routes need it; `lock` reads it FOR UPDATE so balance changes serialise per folio. */
export interface FolioRecord {
  id: string;
  propertyId: string;
  reservationId: string;
  confirmationNumber: string;
  guestName: string;
  windowNumber: number;
  label: string | null;
  cityLedgerAccountId: string | null;
  status: FolioStatusName;
  currency: string;
  balanceMinor: number;
  openedAt: Date;
  checkedInAt: Date | null;
  checkedOutAt: Date | null;
  settledAt: Date | null;
  invoiceId: string | null;
}

export interface FolioRow {
  id: string;
  property_id: string;
  reservation_id: string;
  confirmation_number: string;
  guest_name: string;
  window_number: number;
  label: string | null;
  city_ledger_account_id: string | null;
  status: FolioStatusName;
  currency: string;
  balance_minor: string;
  opened_at: Date;
  checked_in_at: Date | null;
  checked_out_at: Date | null;
  settled_at: Date | null;
  invoice_id: string | null;
}

export function toFolioRecord(row: FolioRow): FolioRecord {
  return {
    id: row.id,
    propertyId: row.property_id,
    reservationId: row.reservation_id,
    confirmationNumber: row.confirmation_number,
    guestName: row.guest_name,
    windowNumber: row.window_number,
    label: row.label,
    cityLedgerAccountId: row.city_ledger_account_id,
    status: row.status,
    currency: row.currency.trim(),
    balanceMinor: Number(row.balance_minor),
    openedAt: row.opened_at,
    checkedInAt: row.checked_in_at,
    checkedOutAt: row.checked_out_at,
    settledAt: row.settled_at,
    invoiceId: row.invoice_id,
  };
}

export async function findFolios(
  manager: EntityManager,
  where: string,
  parameters: unknown[],
  lock = false,
  limit = 1000,
): Promise<FolioRecord[]> {
  const rows: FolioRow[] = await manager.query(
    `SELECT * FROM folio WHERE ${where} ORDER BY opened_at, window_number LIMIT ${limit} ${lock ? 'FOR UPDATE' : ''}`,
    parameters,
  );
  return rows.map(toFolioRecord);
}

/** The folio of this property, locked for update; 404 when it is another property's or unknown. */
export async function lockFolio(manager: EntityManager, propertyId: string, folioId: string): Promise<FolioRecord> {
  const [folio] = await findFolios(manager, 'id = $1 AND property_id = $2', [folioId, propertyId], true);
  if (!folio) throw new NotFoundError('folio', folioId);
  return folio;
}

/** Money can move on open and due folios only; a settled folio is closed by its invoice. */
export function assertFolioOpen(folio: FolioRecord): void {
  if (folio.status !== 'open' && folio.status !== 'due') {
    throw new ConflictError('folio-not-open', `Folio ${folio.id} is ${folio.status}`, {
      folioId: folio.id,
      status: folio.status,
    });
  }
}

export function assertCurrency(folio: FolioRecord, currency: string, field: string): void {
  if (currency !== folio.currency)
    throw invalidField(field, `${field} must be ${folio.currency}, the folio's currency`);
}

/** Moves the folio balance by `delta` (charges up, payments down); the folio must be locked by the caller. */
export async function adjustBalance(manager: EntityManager, folioId: string, delta: number): Promise<void> {
  await adjustBalances(manager, new Map([[folioId, delta]]));
}

/** Moves many folio balances in one statement. */
export async function adjustBalances(manager: EntityManager, deltas: Map<string, number>): Promise<void> {
  const moving = [...deltas].filter(([, delta]) => delta !== 0);
  if (moving.length === 0) return;
  if (moving.length === 1) {
    await manager.query('UPDATE folio SET balance_minor = balance_minor + $2 WHERE id = $1', moving[0]);
    return;
  }
  await manager.query(
    `UPDATE folio f SET balance_minor = f.balance_minor + d.delta
       FROM unnest($1::uuid[], $2::bigint[]) AS d (id, delta) WHERE f.id = d.id`,
    [moving.map(([id]) => id), moving.map(([, delta]) => delta)],
  );
}

/**
 * Where an event's charge of `chargeType` goes for this reservation: the folio its routing rule names (e.g. the
 * company's folio for the room), else the guest's first folio. A charge arriving after that folio was settled (a
 * late minibar) opens a new folio window instead of reopening an invoiced one. Locked; undefined when the
 * reservation has no folio at all; `opened` when a late-charges window was opened for it.
 */
export async function lockFolioForCharge(
  manager: EntityManager,
  propertyId: string,
  reservationId: string,
  chargeType: ChargeType,
): Promise<{ folio: FolioRecord; opened: boolean } | undefined> {
  return (await lockFoliosForCharge(manager, propertyId, [reservationId], chargeType)).get(reservationId);
}

/**
 * `lockFolioForCharge` for many reservations of one property at once: two queries whatever their number, plus one
 * per late-charges window that has to be opened. Reservations without any folio are missing from the map.
 */
export async function lockFoliosForCharge(
  manager: EntityManager,
  propertyId: string,
  reservationIds: string[],
  chargeType: ChargeType,
): Promise<Map<string, { folio: FolioRecord; opened: boolean }>> {
  const folios = await findFolios(
    manager,
    'property_id = $1 AND reservation_id = ANY($2::uuid[])',
    [propertyId, reservationIds],
    true,
    Number.MAX_SAFE_INTEGER,
  );
  const rules: { reservation_id: string; folio_id: string }[] = await manager.query(
    'SELECT reservation_id, folio_id FROM folio_routing_rule WHERE reservation_id = ANY($1::uuid[]) AND charge_type = $2',
    [reservationIds, chargeType],
  );
  const routedTo = new Map(rules.map((rule) => [rule.reservation_id, rule.folio_id]));
  const byReservation = new Map<string, FolioRecord[]>();
  for (const folio of folios)
    byReservation.set(folio.reservationId, [...(byReservation.get(folio.reservationId) ?? []), folio]);

  const chosen = new Map<string, { folio: FolioRecord; opened: boolean }>();
  for (const [reservationId, own] of byReservation) {
    const routed = own.find((folio) => folio.id === routedTo.get(reservationId));
    const candidates = [routed, own[0], ...own].filter((folio): folio is FolioRecord => folio !== undefined);
    const open = candidates.find((folio) => folio.status === 'open' || folio.status === 'due');
    chosen.set(
      reservationId,
      open
        ? { folio: open, opened: false }
        : { folio: await openFolioWindow(manager, own[0], { label: 'Late charges' }), opened: true },
    );
  }
  return chosen;
}

/** A further folio for the same stay (a company folio, a late-charges folio), numbered after the existing ones. */
export async function openFolioWindow(
  manager: EntityManager,
  first: FolioRecord,
  options: { label?: string; cityLedgerAccountId?: string },
): Promise<FolioRecord> {
  const rows: FolioRow[] = await manager.query(
    `INSERT INTO folio (property_id, reservation_id, confirmation_number, guest_name, status, currency, balance_minor,
       window_number, label, city_ledger_account_id, checked_in_at, checked_out_at)
     SELECT $1, $2, $3, $4, CASE WHEN $9::timestamptz IS NULL THEN 'open' ELSE 'due' END, $5, 0,
       (SELECT COALESCE(max(window_number), 0) + 1 FROM folio WHERE reservation_id = $2), $6, $7, $8, $9
     RETURNING *`,
    [
      first.propertyId,
      first.reservationId,
      first.confirmationNumber,
      first.guestName,
      first.currency,
      options.label ?? null,
      options.cityLedgerAccountId ?? null,
      first.checkedInAt,
      first.checkedOutAt,
    ],
  );
  return toFolioRecord(rows[0]);
}

/**
 * The guest's name on a reservation's folios that are still open or due; settled and closed ones keep the name their
 * invoice was issued to.
 */
export async function renameFolioGuest(
  manager: EntityManager,
  propertyId: string,
  reservationId: string,
  guestName: string,
): Promise<void> {
  await manager.query(
    `UPDATE folio SET guest_name = $3
      WHERE property_id = $1 AND reservation_id = $2 AND status IN ('open', 'due') AND guest_name <> $3`,
    [propertyId, reservationId, guestName],
  );
}

/**
 * Runs an UPDATE ... RETURNING and gives its rows: TypeORM's PostgreSQL driver answers UPDATE and DELETE with
 * `[rows, affectedCount]`, INSERT and SELECT with the rows alone.
 */
export async function updateReturning<T>(manager: EntityManager, sql: string, parameters: unknown[]): Promise<T[]> {
  const result: unknown = await manager.query(sql, parameters);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return result as T[];
}
