import { ServiceEnv } from '@frontoffice/platform';

/** Billing-bridge settings; everything shared lives in ServiceEnv. */
export class BillingEnv extends ServiceEnv {}
