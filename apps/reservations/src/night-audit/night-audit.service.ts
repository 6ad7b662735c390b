import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { addDays, ConflictError, NotFoundError, OutboxService, Principal } from '@frontoffice/platform';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { GroupBlocksService } from '../group-blocks/group-blocks.service';
import { PropertiesService } from '../properties/properties.service';
import { PropertyEntity } from '../properties/property.entity';
import { RoomsService } from '../properties/rooms.service';
import { ReservationsService } from '../reservations/reservations.service';
import { NightAuditReport } from './night-audit.dto';
import { nightRate, noShowCutoff } from './night-audit-rules';

interface InHouseRow {
  id: string;
  confirmation_number: string;
  room_id: string | null;
  room_number: string | null;
  room_type_id: string;
  room_type_code: string;
  adults: number;
  children: number;
  group_block_id: string | null;
  nights: { date: string; amountMinor: number }[];
}

type StoredReport = Omit<NightAuditReport, 'replayed'>;

/**
 * Closes a business date: no-shows by the property's policy, one room-night posting per in-house stay, group
 * blocks released at cut-off, the business date rolled. Serialised on the property row and recorded per
 * (property, date), so a second run for the same date does nothing and returns the first report.
 */
@Injectable()
export class NightAuditService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly properties: PropertiesService,
    private readonly reservations: ReservationsService,
    private readonly groupBlocks: GroupBlocksService,
    private readonly rooms: RoomsService,
    private readonly outbox: OutboxService,
  ) {}

  async run(propertyId: string, businessDate: string, principal: Principal): Promise<NightAuditReport> {
    return this.dataSource.transaction(async (manager) => {
      const property = await this.properties.lock(manager, propertyId);
      const previous = await this.stored(manager, propertyId, businessDate);
      if (previous) return { ...previous, replayed: true };
      if (businessDate !== property.businessDate) {
        throw new ConflictError(
          'not-current-business-date',
          `The business date of this property is ${property.businessDate}; ${businessDate} cannot be closed now`,
          { currentBusinessDate: property.businessDate },
        );
      }
      const report = await this.close(manager, property, principal);
      return { ...report, replayed: false };
    });
  }

  async report(propertyId: string, businessDate: string): Promise<NightAuditReport> {
    await this.properties.get(propertyId);
    const stored = await this.stored(this.dataSource.manager, propertyId, businessDate);
    if (!stored) throw new NotFoundError('night-audit', businessDate);
    return { ...stored, replayed: true };
  }

  private async close(manager: EntityManager, property: PropertyEntity, principal: Principal): Promise<StoredReport> {
    const businessDate = property.businessDate;
    const nextBusinessDate = addDays(businessDate, 1);
    const auditId = randomUUID();
    const propertyId = property.id;

    // 1. No-shows: confirmed bookings that should have arrived by now under the property's policy.
    const dueIds: { id: string }[] = await manager.query(
      `SELECT id FROM reservation
        WHERE property_id = $1 AND status = 'confirmed' AND arrival <= $2 ORDER BY id`,
      [propertyId, noShowCutoff(businessDate, property.noShowGraceDays)],
    );
    const noShowReservationIds: string[] = [];
    for (const { id } of dueIds) {
      const reservation = await this.reservations.lock(manager, propertyId, id);
      if (reservation.status !== 'confirmed') continue;
      await this.reservations.markNoShow(manager, reservation, businessDate);
      noShowReservationIds.push(id);
    }

    // 2. The night's room revenue, one posting per in-house stay.
    const inHouse: InHouseRow[] = await manager.query(
      `SELECT r.id, r.confirmation_number, r.room_id, room.number AS room_number, r.room_type_id,
              t.code AS room_type_code, r.adults, r.children, r.group_block_id, r.nights
         FROM reservation r
         JOIN room_type t ON t.id = r.room_type_id
         LEFT JOIN room ON room.id = r.room_id
        WHERE r.property_id = $1 AND r.status = 'checked_in' AND r.arrival <= $2 AND r.departure > $2
        ORDER BY room.number NULLS LAST, r.id
        FOR UPDATE OF r`,
      [propertyId, businessDate],
    );
    await manager.query(
      `INSERT INTO night_audit (id, property_id, business_date, next_business_date, report, run_by)
       VALUES ($1, $2, $3, $4, '{}'::jsonb, $5)`,
      [auditId, propertyId, businessDate, nextBusinessDate, principal.sub],
    );
    let revenueMinor = 0;
    let posted = 0;
    const unassignedInHouse: string[] = [];
    for (const stay of inHouse) {
      if (!stay.room_id || !stay.room_number) {
        unassignedInHouse.push(stay.id);
        continue;
      }
      const rateMinor = nightRate(stay.nights, businessDate);
      const inserted: unknown[] = await manager.query(
        `INSERT INTO room_night_posting (reservation_id, business_date, night_audit_id, room_id, amount_minor)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING reservation_id`,
        [stay.id, businessDate, auditId, stay.room_id, rateMinor],
      );
      if (inserted.length === 0) continue;
      posted += 1;
      revenueMinor += rateMinor;
      await this.outbox.publish(manager, 'night-audit.room-night-posted', {
        propertyId,
        subject: stay.id,
        data: {
          reservationId: stay.id,
          confirmationNumber: stay.confirmation_number,
          businessDate,
          roomId: stay.room_id,
          roomNumber: stay.room_number,
          roomTypeId: stay.room_type_id,
          roomTypeCode: stay.room_type_code,
          rate: { amountMinor: rateMinor, currency: property.currency },
          adults: stay.adults,
          children: stay.children,
          ...(stay.group_block_id ? { groupBlockId: stay.group_block_id } : {}),
        },
      });
    }

    // 3. Group blocks past their cut-off give back what was not picked up.
    const groupRoomNightsReleased = await this.groupBlocks.releaseDue(manager, propertyId, businessDate);

    // 4. The figures, then the business date rolls.
    const [figures]: { rooms: number; out_of_order: number; arrivals: number; departures: number }[] =
      await manager.query(
        `SELECT (SELECT count(*)::int FROM room WHERE property_id = $1) AS rooms,
                (SELECT count(*)::int FROM room WHERE property_id = $1 AND out_of_order_from IS NOT NULL
                    AND out_of_order_from <= $2 AND (out_of_order_to IS NULL OR out_of_order_to >= $2)) AS out_of_order,
                (SELECT count(*)::int FROM reservation WHERE property_id = $1 AND arrival = $2
                    AND status IN ('checked_in', 'checked_out')) AS arrivals,
                (SELECT count(*)::int FROM reservation WHERE property_id = $1 AND departure = $2
                    AND status = 'checked_out') AS departures`,
        [propertyId, businessDate],
      );
    await manager.update(PropertyEntity, { id: propertyId }, { businessDate: nextBusinessDate });
    // 5. Out-of-order ranges that start or end with the new date change those rooms' status.
    const roomsStatusChanged = await this.rooms.applyOutOfOrderRanges(manager, propertyId, nextBusinessDate);
    const completedAt = new Date().toISOString();
    const report: StoredReport = {
      auditId,
      businessDate,
      nextBusinessDate,
      noShows: noShowReservationIds.length,
      noShowReservationIds,
      roomNightsPosted: posted,
      roomRevenue: { amountMinor: revenueMinor, currency: property.currency },
      groupRoomNightsReleased,
      roomsTotal: figures.rooms,
      roomsOutOfOrder: figures.out_of_order,
      roomsAvailable: Math.max(0, figures.rooms - figures.out_of_order),
      roomsSold: posted,
      arrivals: figures.arrivals,
      departures: figures.departures,
      unassignedInHouse,
      roomsStatusChanged,
      runBy: principal.sub,
      completedAt,
    };
    await manager.query('UPDATE night_audit SET report = $2, completed_at = $3 WHERE id = $1', [
      auditId,
      JSON.stringify(report),
      completedAt,
    ]);
    await this.outbox.publish(manager, 'night-audit.completed', {
      propertyId,
      subject: auditId,
      data: {
        auditId,
        businessDate,
        nextBusinessDate,
        roomsTotal: report.roomsTotal,
        roomsOutOfOrder: report.roomsOutOfOrder,
        roomsAvailable: report.roomsAvailable,
        roomsSold: report.roomsSold,
        roomRevenue: report.roomRevenue,
        arrivals: report.arrivals,
        departures: report.departures,
        noShows: report.noShows,
        groupRoomNightsReleased,
        completedAt,
      },
    });
    return report;
  }

  private async stored(manager: EntityManager, propertyId: string, businessDate: string) {
    const [row]: { report: StoredReport }[] = await manager.query(
      'SELECT report FROM night_audit WHERE property_id = $1 AND business_date = $2',
      [propertyId, businessDate],
    );
    return row?.report;
  }
}
