import type { EntityManager } from 'typeorm';

export const TILL_POLICIES = ['auto_close', 'leave_open'] as const;
export type TillPolicy = (typeof TILL_POLICIES)[number];

/** Refunds above this need a front office manager's approval when the property has not set its own (200.00). */
export const DEFAULT_REFUND_APPROVAL_THRESHOLD_MINOR = 20_000;

/** What billing knows of a property, from the reservations events, plus its billing settings. */
export interface BillingProperty {
  propertyId: string;
  /** False when no property event has arrived yet: dates and settings are defaults. */
  known: boolean;
  code: string;
  name: string;
  currency: string | null;
  timezone: string;
  businessDate: string;
  refundApprovalThresholdMinor: number;
  tillPolicy: TillPolicy;
}

interface PropertyRow {
  property_id: string;
  code: string;
  name: string;
  currency: string;
  timezone: string;
  business_date: string;
  refund_approval_threshold_minor: string;
  till_policy: TillPolicy;
}

/** Today in UTC, the business date of a property billing has not heard of yet. */
export function utcToday(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The property's billing picture; `lock` takes its row for update (night audit, settings changes). */
export async function loadBillingProperty(
  manager: EntityManager,
  propertyId: string,
  lock = false,
): Promise<BillingProperty> {
  const rows: PropertyRow[] = await manager.query(
    `SELECT property_id, code, name, currency, timezone, business_date::text AS business_date,
       refund_approval_threshold_minor, till_policy
     FROM billing_property WHERE property_id = $1 ${lock ? 'FOR UPDATE' : ''}`,
    [propertyId],
  );
  const row = rows[0];
  if (!row) {
    return {
      propertyId,
      known: false,
      code: 'INV',
      name: propertyId,
      currency: null,
      timezone: 'UTC',
      businessDate: utcToday(),
      refundApprovalThresholdMinor: DEFAULT_REFUND_APPROVAL_THRESHOLD_MINOR,
      tillPolicy: 'auto_close',
    };
  }
  return {
    propertyId,
    known: true,
    code: row.code,
    name: row.name,
    currency: row.currency.trim(),
    timezone: row.timezone,
    businessDate: row.business_date,
    refundApprovalThresholdMinor: Number(row.refund_approval_threshold_minor),
    tillPolicy: row.till_policy,
  };
}
