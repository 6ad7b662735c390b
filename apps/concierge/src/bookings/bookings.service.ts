import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  bigintMinorUnits,
  BusinessRuleViolation,
  ConflictError,
  CursorKey,
  keyedPage,
  Keyset,
  NotFoundError,
  OutboxService,
  Page,
  pageLimit,
} from '@frontoffice/platform';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { currencyProblem } from '../settings/settings-rules';
import { SettingsService } from '../settings/settings.service';
import { DirectoryService } from '../stays/directory.service';
import { BookingQuery, BookingView, CreateBookingDto } from './bookings.dto';

interface BookingRow {
  id: string;
  property_id: string;
  reservation_id: string;
  request_id: string | null;
  recommendation_id: string | null;
  description: string;
  booked_for: Date;
  party_size: number;
  charge_type: string | null;
  price_minor: string | null;
  currency: string | null;
  status: 'booked' | 'cancelled';
  created_by: string;
  created_at: Date;
}

const BOOKING_ORDER = new Keyset([
  { sql: 'booked_for', kind: 'timestamp' },
  { sql: 'id', kind: 'uuid' },
]);

function toView(row: BookingRow): BookingView {
  return {
    id: row.id,
    reservationId: row.reservation_id,
    requestId: row.request_id,
    recommendationId: row.recommendation_id,
    description: row.description,
    bookedFor: row.booked_for.toISOString(),
    partySize: row.party_size,
    price:
      row.price_minor !== null
        ? { amountMinor: bigintMinorUnits.from(row.price_minor) as number, currency: row.currency! }
        : null,
    chargeType: row.charge_type,
    status: row.status,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
  };
}

/** Bookings the concierge makes for guests; a priced one is charged to the folio through billing. */
@Injectable()
export class BookingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly directory: DirectoryService,
    private readonly settings: SettingsService,
  ) {}

  create(propertyId: string, input: CreateBookingDto, actor: string): Promise<BookingView> {
    if (input.price && input.price.amountMinor <= 0) {
      throw new BusinessRuleViolation('price-not-positive', 'A price must be positive', 'price.amountMinor');
    }
    return this.dataSource.transaction(async (manager) => {
      const stay = await this.directory.requireStay(propertyId, input.reservationId, manager);
      const wrongCurrency = input.price
        ? currencyProblem((await this.settings.get(propertyId, manager)).currency, input.price.currency)
        : undefined;
      if (wrongCurrency) throw new BusinessRuleViolation('currency-mismatch', wrongCurrency, 'price.currency');
      if (input.price && (stay.status === 'cancelled' || stay.status === 'departed')) {
        throw new ConflictError('stay-closed', `The stay is ${stay.status}: nothing more can be charged to it`);
      }
      for (const [table, id, field] of [
        ['recommendation', input.recommendationId, 'recommendationId'],
        ['guest_request', input.requestId, 'requestId'],
      ] as const) {
        if (!id) continue;
        const found: unknown[] = await manager.query(`SELECT 1 FROM ${table} WHERE id = $1 AND property_id = $2`, [
          id,
          propertyId,
        ]);
        if (found.length === 0) throw new NotFoundError(field.replace('Id', ''), id);
      }
      const chargeType = input.price ? (input.chargeType ?? 'local_booking') : null;
      const rows: BookingRow[] = await manager.query(
        `INSERT INTO guest_booking (id, property_id, reservation_id, request_id, recommendation_id, description,
                                    booked_for, party_size, charge_type, price_minor, currency, status, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'booked', $12) RETURNING *`,
        [
          randomUUID(),
          propertyId,
          input.reservationId,
          input.requestId ?? null,
          input.recommendationId ?? null,
          input.description,
          new Date(input.bookedFor),
          input.partySize,
          chargeType,
          input.price?.amountMinor ?? null,
          input.price?.currency ?? null,
          actor,
        ],
      );
      const booking = rows[0];
      if (input.price && chargeType) {
        await this.outbox.publish(manager, 'concierge.service-charged', {
          propertyId,
          subject: booking.id,
          data: {
            chargeId: booking.id,
            reservationId: booking.reservation_id,
            ...(booking.request_id ? { requestId: booking.request_id } : {}),
            chargeType,
            description: booking.description,
            amount: { amountMinor: input.price.amountMinor, currency: input.price.currency },
            chargedBy: actor,
            chargedAt: booking.created_at.toISOString(),
          },
        });
      }
      return toView(booking);
    });
  }

  /** Soonest first: (booked_for, id) ascending. */
  async list(propertyId: string, query: BookingQuery): Promise<Page<BookingView>> {
    const limit = pageLimit(query);
    const after = BOOKING_ORDER.after(query.cursor, 4);
    const rows: Array<BookingRow & { page_key: CursorKey }> = await this.dataSource.query(
      `SELECT *, ${BOOKING_ORDER.pageKey} FROM guest_booking
        WHERE property_id = $1 AND ($2::uuid IS NULL OR reservation_id = $2) AND ${after.sql}
        ORDER BY ${BOOKING_ORDER.orderBy} LIMIT $3`,
      [propertyId, query.reservationId ?? null, limit + 1, ...after.parameters],
    );
    return keyedPage(rows, limit, toView);
  }
}
