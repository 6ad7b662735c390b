import type { EntityManager } from 'typeorm';

/** Who did what to which schedule or employee, and why: written in the same transaction as the change. */
export async function audit(
  manager: EntityManager,
  entry: { propertyId: string; actor: string; action: string; subject: string; details?: Record<string, unknown> },
): Promise<void> {
  await manager.query(
    'INSERT INTO staffing_audit (property_id, actor, action, subject, details) VALUES ($1, $2, $3, $4, $5)',
    [entry.propertyId, entry.actor, entry.action, entry.subject, JSON.stringify(entry.details ?? {})],
  );
}
