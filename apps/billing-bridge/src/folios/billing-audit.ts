import type { EntityManager } from 'typeorm';

export interface AuditRecord {
  propertyId: string;
  /** Who: the token subject, or the service acting on an event (e.g. 'night-audit'). */
  actor: string;
  /** What, e.g. 'refund.approved', 'cashier-session.closed'. */
  action: string;
  subjectId: string;
  /** Why, when the action needs a reason. */
  reason?: string;
  details?: Record<string, unknown>;
}

/** Sensitive actions (refunds, allowances, till variances, settings) are audited in the same transaction. */
export async function recordAudit(manager: EntityManager, record: AuditRecord): Promise<void> {
  await manager.query(
    'INSERT INTO billing_audit (property_id, actor, action, subject_id, reason, details) VALUES ($1, $2, $3, $4, $5, $6)',
    [
      record.propertyId,
      record.actor,
      record.action,
      record.subjectId,
      record.reason ?? null,
      JSON.stringify(record.details ?? {}),
    ],
  );
}
