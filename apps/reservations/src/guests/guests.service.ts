import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { VipLevel } from '@frontoffice/contracts';
import { OutboxService, Principal } from '@frontoffice/platform';
import { DataSource, EntityManager } from 'typeorm';
import { GuestAuditEntity, GuestEntity } from './guest.entity';
import { AuditEntry, normalizeEmail, planBookingUpdate, profileScope } from './guest-rules';

/** The guest as a booking gives it. */
export interface BookingGuestInput {
  firstName: string;
  lastName: string;
  email?: string;
  phone?: string;
  language?: string;
  vipLevel?: VipLevel;
}

/** The profile a booking is attached to, as the reservation snapshot should record it. */
export interface ResolvedGuest {
  guestId: string;
  firstName: string;
  lastName: string;
  language?: string;
  vipLevel: VipLevel;
}

@Injectable()
export class GuestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * Finds the guest's profile by email (in the property, or chain-wide for chain-wide staff) or creates it, inside
   * the booking's transaction. Two bookings racing for the same new email get one profile: the database's unique
   * index decides. A known guest's contact details and language follow the booking; their VIP level changes only
   * when a front office manager books (audited).
   */
  async resolveForBooking(
    manager: EntityManager,
    propertyId: string,
    input: BookingGuestInput,
    principal: Principal,
  ): Promise<ResolvedGuest> {
    const scope = profileScope(principal, propertyId);
    const email = normalizeEmail(input.email);
    const inserted = (await manager.query(
      `INSERT INTO guest (scope, first_name, last_name, email, phone, language, vip_level)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (scope, email) WHERE email IS NOT NULL DO NOTHING
       RETURNING id`,
      [
        scope,
        input.firstName,
        input.lastName,
        email,
        input.phone ?? null,
        input.language ?? null,
        input.vipLevel ?? 'none',
      ],
    )) as { id: string }[];

    if (inserted.length > 0) {
      const guest = await manager.findOneByOrFail(GuestEntity, { id: inserted[0].id });
      if (guest.vipLevel !== 'none') {
        await this.audit(manager, guest.id, propertyId, principal, 'vip-set-at-booking', [
          { field: 'vipLevel', oldValue: null, newValue: guest.vipLevel },
        ]);
      }
      await this.publishProfile(manager, propertyId, guest, ['created']);
      return resolved(guest);
    }

    const guest = await manager.findOneOrFail(GuestEntity, {
      where: { scope, email: email! },
      lock: { mode: 'pessimistic_write' },
    });
    const plan = planBookingUpdate(guest, input, principal);
    if (plan.changes.length > 0) {
      Object.assign(guest, plan.updates);
      await manager.save(guest);
      await this.audit(manager, guest.id, propertyId, principal, 'vip-changed-at-booking', plan.audit);
      await this.publishProfile(manager, propertyId, guest, plan.changes);
    }
    return resolved(guest);
  }

  private async audit(
    manager: EntityManager,
    guestId: string,
    propertyId: string,
    principal: Principal,
    action: string,
    entries: AuditEntry[],
    reason: string | null = null,
  ): Promise<void> {
    for (const entry of entries) {
      await manager.insert(GuestAuditEntity, {
        guestId,
        propertyId,
        actor: principal.sub,
        action,
        field: entry.field,
        oldValue: entry.oldValue,
        newValue: entry.newValue,
        reason,
      });
    }
  }

  private async publishProfile(
    manager: EntityManager,
    propertyId: string,
    guest: GuestEntity,
    changes: string[],
  ): Promise<void> {
    await this.outbox.publish(manager, 'guest.profile-updated', {
      propertyId,
      subject: guest.id,
      data: {
        guestId: guest.id,
        firstName: guest.firstName,
        lastName: guest.lastName,
        ...(guest.language ? { language: guest.language } : {}),
        vipLevel: guest.vipLevel,
        changes,
        erased: guest.erasedAt !== null,
      },
    });
  }
}

function resolved(guest: GuestEntity): ResolvedGuest {
  return {
    guestId: guest.id,
    firstName: guest.firstName,
    lastName: guest.lastName,
    ...(guest.language ? { language: guest.language } : {}),
    vipLevel: guest.vipLevel,
  };
}
