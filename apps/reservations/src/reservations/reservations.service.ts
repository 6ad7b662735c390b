import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { BusinessRuleViolation, NotFoundError, OutboxService } from '@frontoffice/platform';
import { DataSource } from 'typeorm';
import { PropertiesService } from '../properties/properties.service';
import { RoomTypeEntity } from '../properties/room-type.entity';
import { ReservationEntity } from './reservation.entity';
import { CreateReservationDto, ReservationView } from './reservations.dto';
import { confirmationNumber, priceStay } from './stay';

const MAX_STAY_NIGHTS = 365;

export function toReservationView(reservation: ReservationEntity): ReservationView {
  const money = (amountMinor: number) => ({ amountMinor, currency: reservation.currency });
  return {
    id: reservation.id,
    propertyId: reservation.propertyId,
    confirmationNumber: reservation.confirmationNumber,
    status: reservation.status,
    guest: {
      firstName: reservation.guestFirstName,
      lastName: reservation.guestLastName,
      ...(reservation.guestEmail ? { email: reservation.guestEmail } : {}),
      ...(reservation.guestPhone ? { phone: reservation.guestPhone } : {}),
      ...(reservation.guestLanguage ? { language: reservation.guestLanguage } : {}),
      vipLevel: reservation.guestVipLevel,
    },
    roomTypeId: reservation.roomTypeId,
    arrival: reservation.arrival,
    departure: reservation.departure,
    adults: reservation.adults,
    children: reservation.children,
    roomId: null,
    source: reservation.source,
    notes: reservation.notes,
    totalPrice: money(reservation.totalPriceMinor),
    nights: reservation.nights.map((night) => ({ date: night.date, price: money(night.amountMinor) })),
  };
}

/**
 * Bookings. This first cut prices stays at the room type's base rate; inventory, rate plans and the availability
 * guarantee come with the reservations feature work.
 */
@Injectable()
export class ReservationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly properties: PropertiesService,
    private readonly outbox: OutboxService,
  ) {}

  async create(propertyId: string, input: CreateReservationDto): Promise<ReservationView> {
    if (input.departure <= input.arrival) {
      throw new BusinessRuleViolation('departure-not-after-arrival', 'departure must be after arrival', 'departure');
    }
    return this.dataSource.transaction(async (manager) => {
      const property = await this.properties.get(propertyId, manager);
      const roomType = await manager.findOneBy(RoomTypeEntity, { id: input.roomTypeId, propertyId });
      if (!roomType) throw new NotFoundError('room-type', input.roomTypeId);
      const children = input.children ?? 0;
      if (input.adults + children > roomType.maxOccupancy) {
        throw new BusinessRuleViolation(
          'over-occupancy',
          `Room type ${roomType.code} sleeps at most ${roomType.maxOccupancy}`,
          'adults',
        );
      }
      const { nights, totalMinor } = priceStay(input.arrival, input.departure, roomType.baseRateMinor);
      if (nights.length > MAX_STAY_NIGHTS) {
        throw new BusinessRuleViolation('stay-too-long', `A stay is at most ${MAX_STAY_NIGHTS} nights`, 'departure');
      }
      const reservation = await manager.save(
        manager.create(ReservationEntity, {
          propertyId,
          confirmationNumber: confirmationNumber(),
          status: 'confirmed',
          roomTypeId: roomType.id,
          arrival: input.arrival,
          departure: input.departure,
          adults: input.adults,
          children,
          guestFirstName: input.guest.firstName,
          guestLastName: input.guest.lastName,
          guestEmail: input.guest.email ?? null,
          guestPhone: input.guest.phone ?? null,
          guestLanguage: input.guest.language ?? null,
          guestVipLevel: input.guest.vipLevel ?? 'none',
          source: input.source ?? null,
          notes: input.notes ?? null,
          currency: property.currency,
          totalPriceMinor: totalMinor,
          nights,
        }),
      );
      const view = toReservationView(reservation);
      await this.outbox.publish(manager, 'reservation.created', {
        propertyId,
        subject: reservation.id,
        data: {
          reservationId: reservation.id,
          confirmationNumber: reservation.confirmationNumber,
          status: 'confirmed',
          guest: {
            firstName: reservation.guestFirstName,
            lastName: reservation.guestLastName,
            ...(reservation.guestLanguage ? { language: reservation.guestLanguage } : {}),
            vipLevel: reservation.guestVipLevel,
          },
          roomTypeId: reservation.roomTypeId,
          arrival: reservation.arrival,
          departure: reservation.departure,
          adults: reservation.adults,
          children: reservation.children,
          totalPrice: view.totalPrice,
          nights: view.nights,
          ...(reservation.source ? { source: reservation.source } : {}),
        },
      });
      return view;
    });
  }

  async get(propertyId: string, reservationId: string): Promise<ReservationView> {
    const reservation = await this.dataSource
      .getRepository(ReservationEntity)
      .findOneBy({ id: reservationId, propertyId });
    if (!reservation) throw new NotFoundError('reservation', reservationId);
    return toReservationView(reservation);
  }
}
