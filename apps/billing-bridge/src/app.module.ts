import { DynamicModule, Module } from '@nestjs/common';
import { TOPICS } from '@frontoffice/contracts';
import { PlatformModule } from '@frontoffice/platform';
import type { BillingEnv } from './config/billing.env';
import { BILLING_ENTITIES, BILLING_MIGRATIONS } from './database/schema';
import { FoliosModule } from './folios/folios.module';
import { TaxesModule } from './taxes/taxes.module';
import { PropertiesModule } from './properties/properties.module';
import { CashierModule } from './cashier/cashier.module';
import { PaymentsModule } from './payments/payments.module';
import { CityLedgerModule } from './city-ledger/city-ledger.module';
import { InvoicesModule } from './invoices/invoices.module';
import { JournalModule } from './journal/journal.module';
import { FinanceModule } from './finance/finance.module';
import { ExportsModule } from './exports/exports.module';
import { GuestErasureModule } from './erasure/guest-erasure.module';

@Module({})
export class AppModule {
  static register(env: BillingEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService({
          service: 'billing-bridge',
          env,
          entities: BILLING_ENTITIES,
          migrations: BILLING_MIGRATIONS,
          consumes: [TOPICS.reservations, TOPICS.concierge],
        }),
        FoliosModule,
        TaxesModule,
        PropertiesModule,
        CashierModule,
        PaymentsModule,
        CityLedgerModule,
        InvoicesModule,
        JournalModule,
        FinanceModule,
        ExportsModule,
        GuestErasureModule,
      ],
    };
  }
}

export const BILLING_APP = {
  title: 'Billing bridge',
  description: 'Folios, payments, refunds, cashier sessions, invoices and the bridge to the back office.',
};
