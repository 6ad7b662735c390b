import 'reflect-metadata';
import { migrationsMain } from '@frontoffice/platform';
import { BillingEnv } from './config/billing.env';
import { BILLING_MIGRATIONS } from './database/schema';

migrationsMain('billing-bridge', BillingEnv, BILLING_MIGRATIONS);
