import { DynamicModule, Module } from '@nestjs/common';
import { TOPICS } from '@frontoffice/contracts';
import { PlatformModule } from '@frontoffice/platform';
import type { BillingEnv } from './config/billing.env';
import { BILLING_ENTITIES, BILLING_MIGRATIONS } from './database/schema';
import { FoliosModule } from './folios/folios.module';
import { JournalModule } from './journal/journal.module';

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
        JournalModule,
      ],
    };
  }
}

export const BILLING_APP = {
  title: 'Billing bridge',
  description: 'Folios, payments, refunds, cashier sessions, invoices and the bridge to the back office.',
};
