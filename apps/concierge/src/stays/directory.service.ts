import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EmployeeUpdatedV1, GuestProfileUpdatedV1, ReservationGuestV1, VipLevel } from '@frontoffice/contracts';
import { CursorKey, keyedPage, Keyset, NotFoundError, Page, pageLimit, PageQuery } from '@frontoffice/platform';
import { DataSource, EntityManager } from 'typeorm';

export type StayStatus = 'expected' | 'in_house' | 'departed' | 'cancelled';

export interface StayGuest {
  reservationId: string;
  propertyId: string;
  confirmationNumber: string | null;
  guestId: string | null;
  firstName: string;
  lastName: string;
  language: string | null;
  vipLevel: VipLevel;
  status: StayStatus;
  roomNumber: string | null;
  arrival: string | null;
  departure: string | null;
}

export interface Employee {
  employeeId: string;
  name: string;
  roles: string[];
  languages: string[];
  active: boolean;
}

/** room_number NULLS LAST as comparable columns: whether it is missing, then the number ('' when missing). */
const STAY_ORDER = new Keyset([
  { sql: '(CASE WHEN room_number IS NULL THEN 1 ELSE 0 END)', kind: 'int' },
  { sql: "COALESCE(room_number, '')", kind: 'text' },
  { sql: 'last_name', kind: 'text' },
  { sql: 'reservation_id', kind: 'uuid' },
]);
const EMPLOYEE_ORDER = new Keyset([
  { sql: 'name', kind: 'text' },
  { sql: 'employee_id', kind: 'text' },
]);

interface StayRow {
  reservation_id: string;
  property_id: string;
  confirmation_number: string | null;
  guest_id: string | null;
  first_name: string;
  last_name: string;
  language: string | null;
  vip_level: VipLevel;
  status: StayStatus;
  room_number: string | null;
  arrival: string | null;
  departure: string | null;
}

/** Whether the guest whose id `guestId` (an SQL expression) evaluates to has been erased. */
const ERASED_GUEST = (guestId: string) =>
  `EXISTS (SELECT 1 FROM guest_profile_position WHERE guest_id = ${guestId} AND erased)`;

/** Stay dates as the calendar days they are (node-postgres would turn a DATE into a local-midnight Date). */
const STAY_COLUMNS = `*, to_char(arrival, 'YYYY-MM-DD') AS arrival, to_char(departure, 'YYYY-MM-DD') AS departure`;

function toStay(row: StayRow): StayGuest {
  return {
    reservationId: row.reservation_id,
    propertyId: row.property_id,
    confirmationNumber: row.confirmation_number,
    guestId: row.guest_id,
    firstName: row.first_name,
    lastName: row.last_name,
    language: row.language,
    vipLevel: row.vip_level,
    status: row.status,
    roomNumber: row.room_number,
    arrival: row.arrival,
    departure: row.departure,
  };
}

export interface StayUpsert {
  reservationId: string;
  propertyId: string;
  confirmationNumber?: string;
  guest?: ReservationGuestV1;
  status?: StayStatus;
  roomNumber?: string;
  arrival?: string;
  departure?: string;
  groupBlockId?: string;
}

/**
 * The concierge's local picture of who stays where (from reservations events) and who works here (from staffing's
 * employee.updated). Never read from another service's database.
 */
@Injectable()
export class DirectoryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Inserts or refreshes a stay as of the event at `eventTime`; fields not given keep their value. An event older
   * than the last one applied to the stay changes nothing (a replayed dead letter never revives a cancelled
   * booking), and an erased guest's name never comes back. Answers whether the stay was changed.
   */
  async upsertStay(manager: EntityManager, stay: StayUpsert, eventTime: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO stay_guest (reservation_id, property_id, confirmation_number, guest_id, first_name, last_name,
                               language, vip_level, status, room_number, arrival, departure, group_block_id,
                               applied_event_time)
       VALUES ($1, $2, $3, $4,
               CASE WHEN ${ERASED_GUEST('$4::uuid')} THEN 'erased' ELSE COALESCE($5, '') END,
               CASE WHEN ${ERASED_GUEST('$4::uuid')} THEN 'erased' ELSE COALESCE($6, '') END,
               CASE WHEN ${ERASED_GUEST('$4::uuid')} THEN NULL ELSE $7 END,
               COALESCE($8, 'none'), COALESCE($9, 'expected'), $10, $11, $12, $13, $14)
       ON CONFLICT (reservation_id) DO UPDATE SET
         confirmation_number = COALESCE(EXCLUDED.confirmation_number, stay_guest.confirmation_number),
         guest_id = COALESCE(EXCLUDED.guest_id, stay_guest.guest_id),
         first_name = CASE WHEN $5::text IS NULL THEN stay_guest.first_name
                           WHEN ${ERASED_GUEST('COALESCE(EXCLUDED.guest_id, stay_guest.guest_id)')} THEN 'erased'
                           ELSE $5 END,
         last_name = CASE WHEN $6::text IS NULL THEN stay_guest.last_name
                          WHEN ${ERASED_GUEST('COALESCE(EXCLUDED.guest_id, stay_guest.guest_id)')} THEN 'erased'
                          ELSE $6 END,
         language = CASE WHEN $5::text IS NULL THEN stay_guest.language
                         WHEN ${ERASED_GUEST('COALESCE(EXCLUDED.guest_id, stay_guest.guest_id)')} THEN NULL
                         ELSE EXCLUDED.language END,
         vip_level = COALESCE($8, stay_guest.vip_level),
         status = COALESCE($9, stay_guest.status),
         room_number = COALESCE(EXCLUDED.room_number, stay_guest.room_number),
         arrival = COALESCE(EXCLUDED.arrival, stay_guest.arrival),
         departure = COALESCE(EXCLUDED.departure, stay_guest.departure),
         group_block_id = COALESCE(EXCLUDED.group_block_id, stay_guest.group_block_id),
         applied_event_time = EXCLUDED.applied_event_time,
         updated_at = now()
       WHERE stay_guest.property_id = EXCLUDED.property_id
         AND stay_guest.applied_event_time <= EXCLUDED.applied_event_time
       RETURNING reservation_id`,
      [
        stay.reservationId,
        stay.propertyId,
        stay.confirmationNumber ?? null,
        stay.guest?.guestId ?? null,
        stay.guest?.firstName ?? null,
        stay.guest?.lastName ?? null,
        stay.guest?.language ?? null,
        stay.guest?.vipLevel ?? null,
        stay.status ?? null,
        stay.roomNumber ?? null,
        stay.arrival ?? null,
        stay.departure ?? null,
        stay.groupBlockId ?? null,
        eventTime,
      ],
    );
    return rows.length > 0;
  }

  /** The guest moved rooms (and is in house), unless the stay already holds a later event. */
  async moveStay(
    manager: EntityManager,
    propertyId: string,
    reservationId: string,
    roomNumber: string,
    eventTime: string,
  ): Promise<boolean> {
    const [, changed]: [unknown[], number] = await manager.query(
      `UPDATE stay_guest SET room_number = $3, status = 'in_house', applied_event_time = $4, updated_at = now()
        WHERE reservation_id = $1 AND property_id = $2 AND applied_event_time <= $4`,
      [reservationId, propertyId, roomNumber, eventTime],
    );
    return changed > 0;
  }

  /**
   * A guest's language or VIP level changed; an erased guest's name is dropped from every stay we hold. An erasure
   * is final, and a profile older than the last one applied changes nothing. Answers whether the profile applied.
   */
  async applyGuestProfile(
    manager: EntityManager,
    propertyId: string,
    profile: GuestProfileUpdatedV1,
    eventTime: string,
  ): Promise<boolean> {
    if (profile.erased) {
      await manager.query(
        `INSERT INTO guest_profile_position (guest_id, applied_event_time, erased) VALUES ($1, $2, true)
         ON CONFLICT (guest_id) DO UPDATE SET erased = true,
           applied_event_time = GREATEST(guest_profile_position.applied_event_time, EXCLUDED.applied_event_time)`,
        [profile.guestId, eventTime],
      );
      await manager.query(
        `UPDATE stay_guest SET first_name = 'erased', last_name = 'erased', language = NULL, updated_at = now()
          WHERE guest_id = $1`,
        [profile.guestId],
      );
      await manager.query(
        `UPDATE guest_request SET guest_name = NULL WHERE reservation_id IN
           (SELECT reservation_id FROM stay_guest WHERE guest_id = $1)`,
        [profile.guestId],
      );
      return true;
    }
    const applied: unknown[] = await manager.query(
      `INSERT INTO guest_profile_position (guest_id, applied_event_time) VALUES ($1, $2)
       ON CONFLICT (guest_id) DO UPDATE SET applied_event_time = EXCLUDED.applied_event_time
       WHERE NOT guest_profile_position.erased
         AND guest_profile_position.applied_event_time <= EXCLUDED.applied_event_time
       RETURNING guest_id`,
      [profile.guestId, eventTime],
    );
    if (applied.length === 0) return false;
    await manager.query(
      `UPDATE stay_guest SET first_name = $3, last_name = $4, language = $5, vip_level = $6, updated_at = now()
        WHERE guest_id = $1 AND property_id = $2`,
      [profile.guestId, propertyId, profile.firstName, profile.lastName, profile.language ?? null, profile.vipLevel],
    );
    return true;
  }

  async stay(
    propertyId: string,
    reservationId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<StayGuest | undefined> {
    const rows: StayRow[] = await manager.query(
      `SELECT ${STAY_COLUMNS} FROM stay_guest WHERE reservation_id = $1 AND property_id = $2`,
      [reservationId, propertyId],
    );
    return rows[0] ? toStay(rows[0]) : undefined;
  }

  async requireStay(propertyId: string, reservationId: string, manager?: EntityManager): Promise<StayGuest> {
    const stay = await this.stay(propertyId, reservationId, manager);
    if (!stay) throw new NotFoundError('reservation', reservationId);
    return stay;
  }

  /** By room (guests without a room last), then last name, then reservation id as the tie-breaker. */
  async stays(
    propertyId: string,
    status: StayStatus | undefined,
    roomNumber: string | undefined,
    page: PageQuery,
  ): Promise<Page<StayGuest>> {
    const limit = pageLimit(page);
    const after = STAY_ORDER.after(page.cursor, 5);
    const rows: Array<StayRow & { page_key: CursorKey }> = await this.dataSource.query(
      `SELECT ${STAY_COLUMNS}, ${STAY_ORDER.pageKey} FROM stay_guest
        WHERE property_id = $1 AND ($2::text IS NULL OR status = $2) AND ($3::text IS NULL OR room_number = $3)
          AND ${after.sql}
        ORDER BY ${STAY_ORDER.orderBy} LIMIT $4`,
      [propertyId, status ?? null, roomNumber ?? null, limit + 1, ...after.parameters],
    );
    return keyedPage(rows, limit, toStay);
  }

  async upsertEmployee(manager: EntityManager, employee: EmployeeUpdatedV1): Promise<void> {
    await manager.query(
      `INSERT INTO employee (property_id, employee_id, name, roles, languages, active) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (property_id, employee_id) DO UPDATE SET name = EXCLUDED.name, roles = EXCLUDED.roles,
         languages = EXCLUDED.languages, active = EXCLUDED.active, updated_at = now()`,
      [employee.propertyId, employee.employeeId, employee.name, employee.roles, employee.languages, employee.active],
    );
  }

  async employee(
    propertyId: string,
    employeeId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Employee | undefined> {
    const rows: Employee[] = await manager.query(
      `SELECT employee_id AS "employeeId", name, roles, languages, active FROM employee
        WHERE property_id = $1 AND employee_id = $2`,
      [propertyId, employeeId],
    );
    return rows[0];
  }

  /** By name, then employee id as the tie-breaker. */
  async employees(propertyId: string, role: string | undefined, page: PageQuery): Promise<Page<Employee>> {
    const limit = pageLimit(page);
    const after = EMPLOYEE_ORDER.after(page.cursor, 4);
    const rows: Array<Employee & { page_key: CursorKey }> = await this.dataSource.query(
      `SELECT employee_id AS "employeeId", name, roles, languages, active, ${EMPLOYEE_ORDER.pageKey} FROM employee
        WHERE property_id = $1 AND ($2::text IS NULL OR $2 = ANY(roles)) AND ${after.sql}
        ORDER BY ${EMPLOYEE_ORDER.orderBy} LIMIT $3`,
      [propertyId, role ?? null, limit + 1, ...after.parameters],
    );
    return keyedPage(rows, limit, (row) => ({
      employeeId: row.employeeId,
      name: row.name,
      roles: row.roles,
      languages: row.languages,
      active: row.active,
    }));
  }
}
