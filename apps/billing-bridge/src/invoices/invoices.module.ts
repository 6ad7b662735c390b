import { Module } from '@nestjs/common';
import { CityLedgerModule } from '../city-ledger/city-ledger.module';
import { JournalModule } from '../journal/journal.module';
import { PaymentsModule } from '../payments/payments.module';
import { InvoicesController } from './invoices.controller';
import { InvoicesService } from './invoices.service';
import { ReservationPositionsModule } from '../reservations/reservation-positions.module';
import { CheckOutHandler, StayNotTakenHandler } from './stay-events.handler';

@Module({
  imports: [JournalModule, PaymentsModule, CityLedgerModule, ReservationPositionsModule],
  controllers: [InvoicesController, CheckOutHandler, StayNotTakenHandler],
  providers: [InvoicesService],
})
export class InvoicesModule {}
