import 'reflect-metadata';
import { serviceMain } from '@frontoffice/platform';
import { AppModule, BILLING_APP } from './app.module';
import { BillingEnv } from './config/billing.env';

serviceMain('billing-bridge', BillingEnv, (env) => AppModule.register(env), BILLING_APP);
