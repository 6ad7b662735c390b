import { Module } from '@nestjs/common';
import { CashierModule } from '../cashier/cashier.module';
import { CityLedgerModule } from '../city-ledger/city-ledger.module';
import { JournalModule } from '../journal/journal.module';
import { PaymentsController } from './payments.controller';
import { PaymentsService } from './payments.service';
import { CheckInHandler } from './stay-events.handler';

@Module({
  imports: [JournalModule, CashierModule, CityLedgerModule],
  controllers: [PaymentsController, CheckInHandler],
  providers: [PaymentsService],
  exports: [PaymentsService],
})
export class PaymentsModule {}
