import { FolioEntity } from '../folios/folio.entity';
import { BillingInitial1764400200000 } from './migrations/1764400200000-billing-initial';

export const BILLING_ENTITIES = [FolioEntity];
export const BILLING_MIGRATIONS = [BillingInitial1764400200000];
