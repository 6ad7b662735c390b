import { Module } from '@nestjs/common';
import { JournalModule } from '../journal/journal.module';
import { ReservationPositionsModule } from '../reservations/reservation-positions.module';
import { TaxesModule } from '../taxes/taxes.module';
import { FoliosController } from './folios.controller';
import { FoliosService } from './folios.service';
import { ReservationEventsHandler } from './reservation-events.handler';

@Module({
  imports: [JournalModule, TaxesModule, ReservationPositionsModule],
  controllers: [FoliosController, ReservationEventsHandler],
  providers: [FoliosService],
  exports: [FoliosService],
})
export class FoliosModule {}
