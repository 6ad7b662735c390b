import { FolioEntity } from '../folios/folio.entity';
import { BillingInitial1764400200000 } from './migrations/1764400200000-billing-initial';
import { BillingFolios1764400700000 } from './migrations/1764400700000-billing-folios';
import { Journal1764400800000 } from './migrations/1764400800000-journal';
import { JournalSettingsAudit1764400810000 } from './migrations/1764400810000-journal-settings-audit';
import { JournalCityLedgerIndex1764400820000 } from './migrations/1764400820000-journal-city-ledger-index';
import { CashierOpenTillPerProperty1764401000000 } from './migrations/1764401000000-cashier-open-till-per-property';
import { ReservationAppliedPosition1764401100000 } from './migrations/1764401100000-reservation-applied-position';
import { CashierCashMovements1764401200000 } from './migrations/1764401200000-cashier-cash-movements';

export const BILLING_ENTITIES = [FolioEntity];
export const BILLING_MIGRATIONS = [
  BillingInitial1764400200000,
  BillingFolios1764400700000,
  Journal1764400800000,
  JournalSettingsAudit1764400810000,
  JournalCityLedgerIndex1764400820000,
  CashierOpenTillPerProperty1764401000000,
  ReservationAppliedPosition1764401100000,
  CashierCashMovements1764401200000,
];
