import type { RevenueDepartment } from './financial-fact';

/** What an account is for; the chart maps each role to the property's account number and label. */
export const ACCOUNT_ROLES = [
  'guest_ledger',
  'city_ledger',
  'advance_deposits',
  'revenue_rooms',
  'revenue_food_beverage',
  'revenue_local_booking',
  'revenue_transport',
  'revenue_amenity',
  'revenue_other',
  'allowances',
  'vat_payable',
  'city_tax_payable',
  'cash',
  'card_clearing',
  'bank',
  'cash_short',
  'cash_over',
  'cash_sundry',
] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

/** The journals (FEC JournalCode) entries are filed in; numbering runs without gaps per journal. */
export const JOURNAL_ROLES = ['sales', 'cash', 'bank', 'misc'] as const;
export type JournalRole = (typeof JOURNAL_ROLES)[number];

export interface ChartAccount {
  number: string;
  label: string;
}

export interface ChartJournal {
  code: string;
  label: string;
}

export interface ChartOfAccounts {
  accounts: Record<AccountRole, ChartAccount>;
  journals: Record<JournalRole, ChartJournal>;
}

/** French Plan Comptable Général defaults, which a property can override account by account. */
export const DEFAULT_CHART: ChartOfAccounts = Object.freeze({
  accounts: Object.freeze({
    guest_ledger: { number: '411', label: 'Clients - hébergés' },
    city_ledger: { number: '4111', label: 'Clients - comptes débiteurs (city ledger)' },
    advance_deposits: { number: '4191', label: 'Clients - avances et acomptes reçus' },
    revenue_rooms: { number: '706', label: 'Prestations de services - hébergement' },
    revenue_food_beverage: { number: '7061', label: 'Prestations de services - restauration' },
    revenue_local_booking: { number: '708', label: 'Produits des activités annexes - réservations' },
    revenue_transport: { number: '708', label: 'Produits des activités annexes - transport' },
    revenue_amenity: { number: '708', label: 'Produits des activités annexes - prestations' },
    revenue_other: { number: '708', label: 'Produits des activités annexes' },
    allowances: { number: '709', label: 'Rabais, remises et ristournes accordés' },
    vat_payable: { number: '44571', label: 'TVA collectée' },
    city_tax_payable: { number: '4471', label: 'Taxe de séjour collectée' },
    cash: { number: '530', label: 'Caisse' },
    card_clearing: { number: '5112', label: 'Cartes bancaires à encaisser' },
    bank: { number: '512', label: 'Banque' },
    cash_short: { number: '658', label: 'Charges diverses de gestion courante - écarts de caisse' },
    cash_over: { number: '758', label: 'Produits divers de gestion courante - écarts de caisse' },
    cash_sundry: { number: '471', label: 'Opérations en attente - entrées et sorties de caisse diverses' },
  }),
  journals: Object.freeze({
    sales: { code: 'VT', label: 'Ventes' },
    cash: { code: 'CA', label: 'Caisse' },
    bank: { code: 'BQ', label: 'Banque' },
    misc: { code: 'OD', label: 'Opérations diverses' },
  }),
}) as ChartOfAccounts;

export const REVENUE_ACCOUNT: Record<RevenueDepartment, AccountRole> = {
  rooms: 'revenue_rooms',
  food_beverage: 'revenue_food_beverage',
  local_booking: 'revenue_local_booking',
  transport: 'revenue_transport',
  amenity: 'revenue_amenity',
  other: 'revenue_other',
};

export interface ChartOverrides {
  accounts?: Partial<Record<AccountRole, ChartAccount>>;
  journals?: Partial<Record<JournalRole, ChartJournal>>;
}

/** The property's chart: the defaults with its overrides laid over them. */
export function resolveChart(overrides: ChartOverrides = {}): ChartOfAccounts {
  const accounts = { ...DEFAULT_CHART.accounts };
  for (const role of ACCOUNT_ROLES) {
    const override = overrides.accounts?.[role];
    if (override) accounts[role] = { number: override.number, label: override.label };
  }
  const journals = { ...DEFAULT_CHART.journals };
  for (const role of JOURNAL_ROLES) {
    const override = overrides.journals?.[role];
    if (override) journals[role] = { code: override.code, label: override.label };
  }
  return { accounts, journals };
}

/** A SIREN is 9 digits whose Luhn checksum is valid (La Poste's 356000000 is the one documented exception). */
export function isValidSiren(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  if (value === '356000000') return true;
  let sum = 0;
  for (let index = 0; index < 9; index += 1) {
    let digit = Number(value[8 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}
