import { Module } from '@nestjs/common';
import { CityLedgerModule } from '../city-ledger/city-ledger.module';
import { JournalModule } from '../journal/journal.module';
import { PaymentsModule } from '../payments/payments.module';
import { InvoicesController } from './invoices.controller';
import { InvoicesService } from './invoices.service';
import { CheckOutHandler } from './stay-events.handler';

@Module({
  imports: [JournalModule, PaymentsModule, CityLedgerModule],
  controllers: [InvoicesController, CheckOutHandler],
  providers: [InvoicesService],
})
export class InvoicesModule {}
