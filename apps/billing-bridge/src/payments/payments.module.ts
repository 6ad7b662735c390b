import { Module } from '@nestjs/common';
import { CashierModule } from '../cashier/cashier.module';
import { CityLedgerModule } from '../city-ledger/city-ledger.module';
import { JournalModule } from '../journal/journal.module';
import { ReservationPositionsModule } from '../reservations/reservation-positions.module';
import { PaymentsController } from './payments.controller';
import { PaymentsService } from './payments.service';
import { CheckInHandler } from './stay-events.handler';

@Module({
  imports: [JournalModule, CashierModule, CityLedgerModule, ReservationPositionsModule],
  controllers: [PaymentsController, CheckInHandler],
  providers: [PaymentsService],
  exports: [PaymentsService],
})
export class PaymentsModule {}
