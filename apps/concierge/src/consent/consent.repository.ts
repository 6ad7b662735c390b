import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface ConsentRow {
  property_id: string;
  consent_key: string;
  automatic_messages: boolean;
  any_messages: boolean;
  marketing: boolean;
  updated_by: string;
  updated_at: Date;
}

export interface ConsentPatch {
  automaticMessages?: boolean;
  anyMessages?: boolean;
  marketing?: boolean;
}

/** Guests' communication preferences and the erased guests. The only SQL on guest_consent and mail_erased_guest. */
@Injectable()
export class ConsentRepository {
  async find(manager: EntityManager, propertyId: string, consentKey: string): Promise<ConsentRow | undefined> {
    const rows: ConsentRow[] = await manager.query(
      'SELECT * FROM guest_consent WHERE property_id = $1 AND consent_key = $2',
      [propertyId, consentKey],
    );
    return rows[0];
  }

  /** Changes the fields given, keeping the others (defaults: everything but marketing allowed). */
  async save(
    manager: EntityManager,
    propertyId: string,
    consentKey: string,
    patch: ConsentPatch,
    actor: string,
  ): Promise<ConsentRow> {
    const rows: ConsentRow[] = await manager.query(
      `INSERT INTO guest_consent (property_id, consent_key, automatic_messages, any_messages, marketing, updated_by)
       VALUES ($1, $2, COALESCE($3, true), COALESCE($4, true), COALESCE($5, false), $6)
       ON CONFLICT (property_id, consent_key) DO UPDATE SET
         automatic_messages = COALESCE($3, guest_consent.automatic_messages),
         any_messages = COALESCE($4, guest_consent.any_messages),
         marketing = COALESCE($5, guest_consent.marketing),
         updated_by = EXCLUDED.updated_by, updated_at = now()
       RETURNING *`,
      [
        propertyId,
        consentKey,
        patch.automaticMessages ?? null,
        patch.anyMessages ?? null,
        patch.marketing ?? null,
        actor,
      ],
    );
    return rows[0];
  }

  async isErased(manager: EntityManager, guestId: string | null): Promise<boolean> {
    if (!guestId) return false;
    const rows: unknown[] = await manager.query('SELECT 1 FROM mail_erased_guest WHERE guest_id = $1', [guestId]);
    return rows.length > 0;
  }

  /** Remembers that the guest was erased (the id only) and drops their preferences everywhere. */
  async markErased(manager: EntityManager, guestId: string): Promise<void> {
    await manager.query('INSERT INTO mail_erased_guest (guest_id) VALUES ($1) ON CONFLICT DO NOTHING', [guestId]);
    await manager.query('DELETE FROM guest_consent WHERE consent_key = $1', [guestId]);
  }
}
