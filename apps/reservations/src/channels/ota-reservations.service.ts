import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, Principal } from '@frontoffice/platform';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DataSource } from 'typeorm';
import { CreateReservationDto, ReservationView } from '../reservations/reservations.dto';
import { ReservationsService } from '../reservations/reservations.service';
import { ChannelRow, ChannelsRepository, PropertyMapping } from './channels.repository';
import { ChannelsService } from './channels.service';
import { OTA_ERRORS, OtaFault } from './ota-errors';
import { digestOf, echoTokenOf, errorAnswer, OtaReservation, parseResNotif, successAnswer } from './ota-message';

export interface OtaAnswer {
  status: number;
  xml: string;
}

/** A domain refusal from the reservations code, in OpenTravel terms. */
function faultOf(error: DomainError, reservation: OtaReservation): OtaFault {
  switch (error.code) {
    case 'sold-out':
      return new OtaFault(OTA_ERRORS.noAvailability, error.message);
    case 'date-in-past':
      return new OtaFault(OTA_ERRORS.invalidStartDate, error.message);
    case 'departure-not-after-arrival':
    case 'stay-too-long':
    case 'departure-in-past':
      return new OtaFault(OTA_ERRORS.invalidDateRange, error.message);
    case 'rate-plan-not-found':
      return new OtaFault(OTA_ERRORS.invalidRateCode, `Rate plan ${reservation.ratePlanCode ?? ''} is not sold`);
    case 'room-type-not-found':
      return new OtaFault(OTA_ERRORS.invalidRoomType, `Room type ${reservation.roomTypeCode ?? ''} is not sold`);
    case 'reservation-not-found':
      return new OtaFault(OTA_ERRORS.invalidConfirmationNumber, error.message);
    case 'over-occupancy':
      return new OtaFault(OTA_ERRORS.invalidValue, error.message);
    default:
      return new OtaFault(OTA_ERRORS.unableToProcess, error.message);
  }
}

/**
 * Bookings from channel managers (OTA_HotelResNotifRQ): translated from the channel's codes through its mapping,
 * then booked, modified or cancelled by ReservationsService exactly as the API does (same inventory locks, same
 * availability re-check). Idempotent on the channel's reservation id: a message whose booking content we already
 * applied answers the same confirmation and changes nothing.
 */
@Injectable()
export class OtaReservationsService {
  private readonly logger = new Logger(OtaReservationsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly channels: ChannelsService,
    private readonly repository: ChannelsRepository,
    private readonly reservations: ReservationsService,
  ) {}

  async handle(channel: ChannelRow, xml: string): Promise<OtaAnswer> {
    // Echoed even when the message is refused before it is fully read.
    let echoToken = echoTokenOf(xml);
    try {
      const request = parseResNotif(xml);
      echoToken = request.echoToken;
      const reservation = request.reservation;
      const mapping = await this.channels.mappingByHotelCode(channel.id, reservation.hotelCode);
      if (!mapping) {
        throw new OtaFault(
          OTA_ERRORS.invalidHotelCode,
          `Hotel ${reservation.hotelCode} is not connected to ${channel.code}`,
        );
      }
      const confirmationNumber = await this.apply(channel, mapping, reservation);
      return {
        status: 200,
        xml: successAnswer(echoToken, {
          action: reservation.action,
          channelReservationId: reservation.channelReservationId,
          confirmationNumber,
        }),
      };
    } catch (error) {
      if (error instanceof OtaFault) {
        return { status: error.kind.httpStatus, xml: errorAnswer(echoToken, error.kind, error.message) };
      }
      this.logger.error(error);
      const kind = OTA_ERRORS.systemUnavailable;
      return { status: kind.httpStatus, xml: errorAnswer(echoToken, kind, 'Try again later') };
    }
  }

  private async apply(channel: ChannelRow, mapping: PropertyMapping, reservation: OtaReservation): Promise<string> {
    const principal: Principal = {
      sub: `channel:${channel.code}`,
      roles: ['front_desk'],
      properties: [mapping.propertyId],
    };
    const digest = digestOf(reservation);
    const key = [channel.id, mapping.propertyId, reservation.channelReservationId] as const;
    const known = await this.repository.booking(this.dataSource.manager, ...key);
    try {
      if (known && known.lastDigest === digest) return await this.confirmation(mapping.propertyId, known.reservationId);
      if (reservation.action === 'Cancel') {
        if (!known) throw this.unknownBooking(reservation);
        const current = await this.reservations.get(mapping.propertyId, known.reservationId);
        if (current.status !== 'cancelled') {
          await this.reservations.cancel(
            mapping.propertyId,
            known.reservationId,
            `Cancelled by ${channel.code}`,
            principal,
          );
        }
        await this.record(key, known.reservationId, reservation, digest);
        return current.confirmationNumber;
      }
      const input = await this.bookingInput(mapping, reservation);
      if (reservation.action === 'Modify' || known) {
        if (!known) throw this.unknownBooking(reservation);
        const current = await this.reservations.get(mapping.propertyId, known.reservationId);
        if (current.status === 'cancelled') {
          throw new OtaFault(
            OTA_ERRORS.bookingAlreadyCancelled,
            `Booking ${reservation.channelReservationId} is cancelled`,
          );
        }
        const modified = await this.reservations.modify(mapping.propertyId, known.reservationId, {
          arrival: input.arrival,
          departure: input.departure,
          roomTypeId: input.roomTypeId,
          adults: input.adults,
          children: input.children,
          ...(input.notes !== undefined ? { notes: input.notes } : {}),
        });
        await this.record(key, known.reservationId, reservation, digest);
        return modified.confirmationNumber;
      }
      return await this.book(key, principal, input, reservation, digest);
    } catch (error) {
      if (error instanceof DomainError) throw faultOf(error, reservation);
      throw error;
    }
  }

  /**
   * A new booking and its record in one transaction, serialised per channel reservation id: a replay arriving while
   * the first is being booked waits, then finds it and answers its confirmation.
   */
  private async book(
    key: readonly [string, string, string],
    principal: Principal,
    input: CreateReservationDto,
    reservation: OtaReservation,
    digest: string,
  ): Promise<string> {
    const [channelId, propertyId, channelReservationId] = key;
    return this.dataSource.transaction(async (manager) => {
      await this.repository.lockBooking(manager, ...key);
      const booked = await this.repository.booking(manager, ...key);
      if (booked) return (await this.reservations.get(propertyId, booked.reservationId)).confirmationNumber;
      const view: ReservationView = await this.reservations.create(propertyId, input, principal, manager);
      await this.repository.recordBooking(manager, {
        channelId,
        propertyId,
        channelReservationId,
        reservationId: view.id,
        action: reservation.action,
        digest,
      });
      return view.confirmationNumber;
    });
  }

  private async record(
    [channelId, propertyId, channelReservationId]: readonly [string, string, string],
    reservationId: string,
    reservation: OtaReservation,
    digest: string,
  ): Promise<void> {
    await this.repository.recordBooking(this.dataSource.manager, {
      channelId,
      propertyId,
      channelReservationId,
      reservationId,
      action: reservation.action,
      digest,
    });
  }

  private async confirmation(propertyId: string, reservationId: string): Promise<string> {
    return (await this.reservations.get(propertyId, reservationId)).confirmationNumber;
  }

  private unknownBooking(reservation: OtaReservation): OtaFault {
    return new OtaFault(
      OTA_ERRORS.invalidConfirmationNumber,
      `No booking ${reservation.channelReservationId} was received from this channel`,
    );
  }

  /** The booking in our terms, validated by the same DTO rules as the API's. */
  private async bookingInput(mapping: PropertyMapping, reservation: OtaReservation): Promise<CreateReservationDto> {
    const roomType = mapping.roomTypes.find((entry) => entry.code === reservation.roomTypeCode);
    if (!roomType) {
      throw new OtaFault(
        OTA_ERRORS.invalidRoomType,
        `Room type ${reservation.roomTypeCode ?? ''} is not mapped for hotel ${mapping.hotelCode}`,
      );
    }
    let ratePlanId: string | undefined;
    if (reservation.ratePlanCode) {
      ratePlanId = mapping.ratePlans.find((entry) => entry.code === reservation.ratePlanCode)?.ratePlanId;
      if (!ratePlanId) {
        throw new OtaFault(
          OTA_ERRORS.invalidRateCode,
          `Rate plan ${reservation.ratePlanCode} is not mapped for hotel ${mapping.hotelCode}`,
        );
      }
    }
    const input = plainToInstance(CreateReservationDto, {
      guest: reservation.guest,
      roomTypeId: roomType.roomTypeId,
      arrival: reservation.arrival,
      departure: reservation.departure,
      adults: reservation.adults,
      children: reservation.children,
      ...(ratePlanId ? { ratePlanId } : {}),
      source: 'channel',
      ...(reservation.comments ? { notes: reservation.comments } : {}),
    });
    const issues = await validate(input, { whitelist: true, forbidNonWhitelisted: true });
    if (issues.length > 0) {
      const issue = issues[0];
      const detail = issue.children?.[0];
      const field = detail ? `${issue.property}.${detail.property}` : issue.property;
      const constraints = Object.values((detail ?? issue).constraints ?? {});
      throw new OtaFault(OTA_ERRORS.invalidValue, `${field}: ${constraints[0] ?? 'invalid'}`);
    }
    return input;
  }
}
