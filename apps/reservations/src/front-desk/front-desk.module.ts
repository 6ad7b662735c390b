import { Module } from '@nestjs/common';
import { InventoryModule } from '../inventory/inventory.module';
import { ReservationsModule } from '../reservations/reservations.module';
import { DeskListsService } from './desk-lists.service';
import { FrontDeskController } from './front-desk.controller';
import { FrontDeskService } from './front-desk.service';

/** Arrivals, departures and in-house lists; room assignment, check-in, room moves, check-out, walk-ins. */
@Module({
  imports: [InventoryModule, ReservationsModule],
  controllers: [FrontDeskController],
  providers: [FrontDeskService, DeskListsService],
  exports: [FrontDeskService],
})
export class FrontDeskModule {}
