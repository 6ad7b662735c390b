import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EventEnvelope, ReservationCreatedV1 } from '@frontoffice/contracts';
import { NotFoundError, OutboxService } from '@frontoffice/platform';
import { DataSource, EntityManager } from 'typeorm';
import { FolioEntity } from './folio.entity';
import { FolioDetailView, FolioView } from './folios.dto';

function toFolioView(folio: FolioEntity): FolioView {
  return {
    id: folio.id,
    propertyId: folio.propertyId,
    reservationId: folio.reservationId,
    confirmationNumber: folio.confirmationNumber,
    guestName: folio.guestName,
    status: folio.status,
    balance: { amountMinor: folio.balanceMinor, currency: folio.currency },
    openedAt: folio.openedAt.toISOString(),
  };
}

@Injectable()
export class FoliosService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  /** Every reservation gets its guest folio, opened at zero in the booking's currency. */
  async openForReservation(manager: EntityManager, event: EventEnvelope<ReservationCreatedV1>): Promise<void> {
    const reservation = event.data;
    const folio = await manager.save(
      manager.create(FolioEntity, {
        propertyId: event.propertyId,
        reservationId: reservation.reservationId,
        confirmationNumber: reservation.confirmationNumber,
        guestName: `${reservation.guest.firstName} ${reservation.guest.lastName}`,
        status: 'open',
        currency: reservation.totalPrice.currency,
        balanceMinor: 0,
      }),
    );
    await this.outbox.publish(manager, 'folio.opened', {
      propertyId: folio.propertyId,
      subject: folio.id,
      data: {
        folioId: folio.id,
        reservationId: folio.reservationId,
        status: 'open',
        balance: { amountMinor: folio.balanceMinor, currency: folio.currency },
      },
    });
  }

  async list(propertyId: string, reservationId?: string): Promise<FolioView[]> {
    const folios = await this.dataSource.getRepository(FolioEntity).find({
      where: { propertyId, ...(reservationId ? { reservationId } : {}) },
      order: { openedAt: 'ASC' },
      take: 500,
    });
    return folios.map(toFolioView);
  }

  async get(propertyId: string, folioId: string): Promise<FolioDetailView> {
    const folio = await this.dataSource.getRepository(FolioEntity).findOneBy({ id: folioId, propertyId });
    if (!folio) throw new NotFoundError('folio', folioId);
    return { ...toFolioView(folio), postings: [], payments: [] };
  }
}
