import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { VipLevel } from '@frontoffice/contracts';
import {
  ALL_PROPERTIES,
  BusinessRuleViolation,
  ConflictError,
  cursorParameters,
  ForbiddenError,
  NotFoundError,
  OutboxService,
  pageOf,
  Principal,
  eraseFromIdempotencyRecords,
  eraseFromOutbox,
  nameVariants,
} from '@frontoffice/platform';
import { DataSource, EntityManager } from 'typeorm';
import { erasureReport } from './erasure-report';
import { GuestAuditEntity, GuestEntity } from './guest.entity';
import {
  anonymisedProfile,
  AuditEntry,
  ERASED_FIRST_NAME,
  ERASED_LAST_NAME,
  normalizeEmail,
  planBookingUpdate,
  planProfileChange,
  profileScope,
} from './guest-rules';
import {
  GuestDetailView,
  GuestErasureView,
  GuestExport,
  GuestExportStay,
  GuestList,
  GuestSearchQuery,
  GuestStayView,
  GuestView,
  UpdateGuestDto,
} from './guests.dto';

const UNIQUE_VIOLATION = '23505';
/** What other services hold about a guest: a change to any of these is published. */
const PUBLISHED_FIELDS = ['firstName', 'lastName', 'language', 'vipLevel'];
/** Reservations that still need the guest's name and contact details. */
const ACTIVE_STATUSES = ['confirmed', 'checked_in'];

interface StayRow {
  id: string;
  property_id: string;
  confirmation_number: string;
  status: string;
  arrival: string;
  departure: string;
  room_type_id: string;
  room_id: string | null;
  total_price_minor: string;
  currency: string;
  guest_first_name: string;
  guest_last_name: string;
  guest_email: string | null;
  guest_phone: string | null;
  notes: string | null;
  adults: number;
  children: number;
  source: string | null;
}

export function toGuestView(guest: GuestEntity): GuestView {
  const chainWide = guest.scope === ALL_PROPERTIES;
  return {
    id: guest.id,
    scope: chainWide ? 'chain' : 'property',
    propertyId: chainWide ? null : guest.scope,
    firstName: guest.firstName,
    lastName: guest.lastName,
    email: guest.email,
    phone: guest.phone,
    language: guest.language,
    vipLevel: guest.vipLevel,
    vipNotes: guest.vipNotes,
    preferences: guest.preferences,
    erased: guest.erasedAt !== null,
    createdAt: guest.createdAt.toISOString(),
    updatedAt: guest.updatedAt.toISOString(),
  };
}

function toStayView(row: StayRow): GuestStayView {
  return {
    reservationId: row.id,
    propertyId: row.property_id,
    confirmationNumber: row.confirmation_number,
    status: row.status,
    arrival: row.arrival,
    departure: row.departure,
    roomTypeId: row.room_type_id,
    roomId: row.room_id,
    totalPrice: { amountMinor: Number(row.total_price_minor), currency: row.currency },
  };
}

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
    if (!input?.firstName || !input.lastName) {
      // The booking DTO should refuse this; never let a missing guest become a 500.
      throw new BusinessRuleViolation('guest-required', 'A booking needs the guest: firstName and lastName', 'guest');
    }
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

  /** Profiles of the property (and chain-wide ones the caller may see), by name or email; erased ones are left out. */
  async search(propertyId: string, query: GuestSearchQuery, principal: Principal): Promise<GuestList> {
    const limit = query.limit ?? 50;
    const params: unknown[] = [propertyId, principal.properties.includes(ALL_PROPERTIES)];
    const where = [`g.erased_at IS NULL`, VISIBLE];
    if (query.q) {
      params.push(`${query.q.toLowerCase().replace(/[\\%_]/g, (match) => `\\${match}`)}%`, normalizeEmail(query.q));
      where.push(
        `(lower(g.last_name) LIKE $${params.length - 1} OR lower(g.first_name) LIKE $${params.length - 1}` +
          ` OR g.email = $${params.length})`,
      );
    }
    if (query.vipLevel) {
      params.push(query.vipLevel);
      where.push(`g.vip_level = $${params.length}`);
    }
    if (query.cursor) {
      const [lastName, id] = cursorParameters(query.cursor, ['text', 'uuid']);
      params.push(lastName, id);
      where.push(`(lower(g.last_name), g.id) > ($${params.length - 1}, $${params.length}::uuid)`);
    }
    params.push(limit + 1);
    const ids = (await this.dataSource.query(
      `SELECT g.id, lower(g.last_name) AS sort_name FROM guest g WHERE ${where.join(' AND ')}
        ORDER BY lower(g.last_name), g.id LIMIT $${params.length}`,
      params,
    )) as { id: string; sort_name: string }[];
    const page = ids.slice(0, limit);
    const guests = page.length
      ? await this.dataSource.getRepository(GuestEntity).findBy(page.map((row) => ({ id: row.id })))
      : [];
    const byId = new Map(guests.map((guest) => [guest.id, guest]));
    return pageOf(
      ids,
      limit,
      (row) => [row.sort_name, row.id],
      (row) => toGuestView(byId.get(row.id)!),
    );
  }

  async get(propertyId: string, guestId: string, principal: Principal): Promise<GuestDetailView> {
    const guest = await this.visibleGuest(this.dataSource.manager, propertyId, guestId, principal);
    const stays = await this.stays(this.dataSource.manager, propertyId, guest.id, principal);
    return { ...toGuestView(guest), stays: stays.map(toStayView) };
  }

  /** Changes a profile; VIP level and notes only by a front office manager, with a reason, audited. */
  async update(
    propertyId: string,
    guestId: string,
    input: UpdateGuestDto,
    principal: Principal,
  ): Promise<GuestDetailView> {
    const { reason, ...patch } = input;
    try {
      return await this.dataSource.transaction(async (manager) => {
        const guest = await this.visibleGuest(manager, propertyId, guestId, principal, true);
        const plan = planProfileChange(guest, patch, principal, reason);
        if (plan.changes.length > 0) {
          Object.assign(guest, plan.updates);
          await manager.save(guest);
          await this.audit(manager, guest.id, propertyId, principal, 'vip-changed', plan.audit, reason ?? null);
          const published = plan.changes.filter((field) => PUBLISHED_FIELDS.includes(field));
          if (published.length > 0) await this.publishProfile(manager, propertyId, guest, published);
        }
        const stays = await this.stays(manager, propertyId, guest.id, principal);
        return { ...toGuestView(guest), stays: stays.map(toStayView) };
      });
    } catch (error) {
      if ((error as { driverError?: { code?: string } }).driverError?.code === UNIQUE_VIOLATION) {
        throw new ConflictError('guest-email-taken', 'Another profile already has this email');
      }
      throw error;
    }
  }

  /** Everything held about the guest (stays as far as the caller's properties go), as JSON; audited. */
  async export(propertyId: string, guestId: string, principal: Principal): Promise<GuestExport> {
    return this.dataSource.transaction(async (manager) => {
      const guest = await this.visibleGuest(manager, propertyId, guestId, principal);
      const stays = await this.stays(manager, propertyId, guest.id, principal);
      await this.audit(manager, guest.id, propertyId, principal, 'exported', [
        { field: null, oldValue: null, newValue: null },
      ]);
      const audit = await manager.find(GuestAuditEntity, { where: { guestId: guest.id }, order: { at: 'ASC' } });
      return {
        exportedAt: new Date().toISOString(),
        profile: toGuestView(guest),
        stays: stays.map((row): GuestExportStay => ({
          ...toStayView(row),
          guestFirstName: row.guest_first_name,
          guestLastName: row.guest_last_name,
          guestEmail: row.guest_email,
          guestPhone: row.guest_phone,
          notes: row.notes,
          adults: row.adults,
          children: row.children,
          source: row.source,
        })),
        audit: audit.map((entry) => ({
          action: entry.action,
          field: entry.field,
          oldValue: entry.oldValue,
          newValue: entry.newValue,
          reason: entry.reason,
          actor: entry.actor,
          propertyId: entry.propertyId,
          at: entry.at.toISOString(),
        })),
      };
    });
  }

  /**
   * Erases (anonymises) a guest on request. Names, contact details, notes and preferences go from the profile and
   * from every reservation's guest snapshot; ids, dates, prices and statuses stay, so folios, the journal and the
   * night audit still add up. Refused while the guest has a booking to honour or is in house. Erasing twice has no
   * second effect.
   */
  async erase(propertyId: string, guestId: string, reason: string, principal: Principal): Promise<GuestErasureView> {
    return this.dataSource.transaction(async (manager) => {
      const guest = await this.visibleGuest(manager, propertyId, guestId, principal, true);
      if (guest.scope === ALL_PROPERTIES && !principal.properties.includes(ALL_PROPERTIES)) {
        // Erasure scrubs the guest's bookings at every property: chain-wide staff only.
        throw new ForbiddenError(
          'chain-profile-erasure',
          'This profile is shared by the chain; a chain-wide front office manager erases it',
        );
      }
      if (guest.erasedAt) {
        const stays = await this.stays(manager, propertyId, guest.id, principal);
        return {
          ...toGuestView(guest),
          stays: stays.map(toStayView),
          erasure: erasureReport(await this.reservationIdsOf(manager, guest.id)),
        };
      }
      const active = (await manager.query(
        `SELECT id FROM reservation WHERE guest_id = $1 AND status = ANY($2::text[]) FOR UPDATE`,
        [guest.id, ACTIVE_STATUSES],
      )) as { id: string }[];
      if (active.length > 0) {
        throw new ConflictError(
          'guest-has-active-stays',
          'The guest has a booking still to honour or is in house; cancel or check out first',
          { reservationIds: active.map((row) => row.id) },
        );
      }
      const formerNames = await this.namesOf(manager, guest);
      const reservationIds = await this.reservationIdsOf(manager, guest.id);
      Object.assign(guest, anonymisedProfile(), { erasedAt: new Date() });
      await manager.save(guest);
      await manager.query(
        `UPDATE reservation
            SET guest_first_name = $2, guest_last_name = $3, guest_email = NULL, guest_phone = NULL, notes = NULL,
                updated_at = now()
          WHERE guest_id = $1`,
        [guest.id, ERASED_FIRST_NAME, ERASED_LAST_NAME],
      );
      // Stored answers to booking requests (replayed for an Idempotency-Key) carry the guest's details too.
      await manager.query(
        `UPDATE idempotency_record
            SET response_body = jsonb_set(
                  jsonb_set(response_body, '{guest}',
                    ((response_body -> 'guest') - 'email' - 'phone')
                      || jsonb_build_object('firstName', $2::text, 'lastName', $3::text)),
                  '{notes}', 'null'::jsonb)
          WHERE jsonb_typeof(response_body -> 'guest') = 'object'
            AND response_body ->> 'id' IN (SELECT id::text FROM reservation WHERE guest_id = $1)`,
        [guest.id, ERASED_FIRST_NAME, ERASED_LAST_NAME],
      );
      // Answers to other requests (walk-ins, group bookings) and events still in the outbox name the guest too.
      const erasure = {
        ids: [guest.id, ...reservationIds],
        names: nameVariants(formerNames),
        replacement: `${ERASED_FIRST_NAME} ${ERASED_LAST_NAME}`,
      };
      await eraseFromIdempotencyRecords(manager, erasure);
      await eraseFromOutbox(manager, erasure);
      // The audit trail keeps who changed what and when, but not the personal content of notes.
      await manager.query(
        `UPDATE guest_audit SET old_value = NULL, new_value = NULL WHERE guest_id = $1 AND field = 'vipNotes'`,
        [guest.id],
      );
      await this.audit(
        manager,
        guest.id,
        propertyId,
        principal,
        'erased',
        [{ field: null, oldValue: null, newValue: null }],
        reason,
      );
      await this.publishProfile(manager, propertyId, guest, ['erased'], reservationIds);
      const stays = await this.stays(manager, propertyId, guest.id, principal);
      return { ...toGuestView(guest), stays: stays.map(toStayView), erasure: erasureReport(reservationIds) };
    });
  }

  /** Every reservation of the guest at every property: the other services scrub what they keep by reservation. */
  private async reservationIdsOf(manager: EntityManager, guestId: string): Promise<string[]> {
    const rows = (await manager.query('SELECT id FROM reservation WHERE guest_id = $1 ORDER BY created_at', [
      guestId,
    ])) as { id: string }[];
    return rows.map((row) => row.id);
  }

  /** The names the guest was known by: the profile's and every booking's snapshot (a booking may spell it apart). */
  private async namesOf(manager: EntityManager, guest: GuestEntity): Promise<string[]> {
    const rows = (await manager.query(
      `SELECT DISTINCT guest_first_name || ' ' || guest_last_name AS name FROM reservation WHERE guest_id = $1`,
      [guest.id],
    )) as { name: string }[];
    return [`${guest.firstName} ${guest.lastName}`, ...rows.map((row) => row.name)];
  }

  /** A profile the caller may see from this property: the property's own, or a chain-wide one it has stays at. */
  private async visibleGuest(
    manager: EntityManager,
    propertyId: string,
    guestId: string,
    principal: Principal,
    lock = false,
  ): Promise<GuestEntity> {
    const rows = (await manager.query(
      `SELECT g.id FROM guest g WHERE g.id = $3 AND ${VISIBLE}${lock ? ' FOR UPDATE OF g' : ''}`,
      [propertyId, principal.properties.includes(ALL_PROPERTIES), guestId],
    )) as { id: string }[];
    if (rows.length === 0) throw new NotFoundError('guest', guestId);
    return manager.findOneByOrFail(GuestEntity, { id: guestId });
  }

  /** Stay history, latest first: at this property, or everywhere for chain-wide staff. */
  private async stays(
    manager: EntityManager,
    propertyId: string,
    guestId: string,
    principal: Pick<Principal, 'properties'>,
  ): Promise<StayRow[]> {
    return (await manager.query(
      `SELECT id, property_id, confirmation_number, status, arrival::text AS arrival, departure::text AS departure,
              room_type_id, room_id, total_price_minor::text AS total_price_minor, currency, guest_first_name,
              guest_last_name, guest_email, guest_phone, notes, adults, children, source
         FROM reservation
        WHERE guest_id = $1 AND ($2::boolean OR property_id = $3)
        ORDER BY arrival DESC, created_at DESC`,
      [guestId, principal.properties.includes(ALL_PROPERTIES), propertyId],
    )) as StayRow[];
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
    erasedReservationIds?: string[],
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
        ...(erasedReservationIds ? { reservationIds: erasedReservationIds } : {}),
      },
    });
  }
}

/**
 * Visibility of a profile from property $1 for a caller ($2: chain-wide): the property's own profiles, and chain-wide
 * ones for chain-wide staff or when the guest has a booking at the property.
 */
const VISIBLE = `(g.scope = $1::text OR (g.scope = '*' AND ($2::boolean OR EXISTS (
  SELECT 1 FROM reservation r WHERE r.guest_id = g.id AND r.property_id = $1::text::uuid))))`;

function resolved(guest: GuestEntity): ResolvedGuest {
  return {
    guestId: guest.id,
    firstName: guest.firstName,
    lastName: guest.lastName,
    ...(guest.language ? { language: guest.language } : {}),
    vipLevel: guest.vipLevel,
  };
}
