import type { Money } from '../concierge/kit';

export const PAYMENT_METHODS = ['cash', 'card', 'bank_transfer', 'city_ledger'] as const;
export const REFUND_STATUSES = ['pending_approval', 'issued', 'rejected'] as const;
export const FOLIO_STATUSES = ['open', 'due', 'settled', 'closed'] as const;

export interface FinancePayment {
  id: string;
  propertyId: string;
  folioId: string;
  reservationId: string;
  method: string;
  kind: string;
  amount: Money;
  refunded: Money;
  pendingRefund: Money;
  cardLast4?: string;
  processorRef?: string;
  businessDate: string;
  recordedBy: string;
  recordedAt: string;
}

export interface FinanceRefund {
  id: string;
  propertyId: string;
  paymentId: string;
  folioId: string;
  method: string;
  status: string;
  amount: Money;
  reason: string;
  requestedBy: string;
  approvedBy?: string;
  businessDate: string;
  requestedAt: string;
  issuedAt?: string;
}

export interface FinanceFolio {
  folioId: string;
  propertyId: string;
  reservationId: string;
  confirmationNumber: string;
  guestName: string;
  status: string;
  cityLedgerAccountId?: string;
  balance: Money;
  openedAt: string;
}

export interface FinanceCityLedger {
  accountId: string;
  propertyId: string;
  code: string;
  name: string;
  active: boolean;
  creditLimit?: Money;
  asOf: string;
  balance: Money;
  aging: { current: Money; days31to60: Money; days61to90: Money; over90: Money };
}

export interface FlashReport {
  propertyId: string;
  businessDate: string;
  closed: boolean;
  rooms: {
    roomsTotal: number;
    roomsOutOfOrder: number;
    roomsAvailable: number;
    roomsSold: number;
    occupancyPercent: number | null;
    adr: Money | null;
    revpar: Money | null;
    arrivals: number;
    departures: number;
    noShows: number;
  } | null;
  roomRevenue: Money;
  revenueByDepartment: Array<{
    department: string;
    gross: Money;
    allowances: Money;
    net: Money;
    vat: Money;
    cityTax: Money;
  }>;
  totalRevenue: Money;
  paymentsByMethod: Array<{ method: string; count: number; received: Money; refunded: Money; net: Money }>;
  cityLedgerTransfers: Money;
  cashierVariances: Array<{ sessionId: string; agentId: string; status: string; autoClosed: boolean; variance: Money }>;
  totalVariance: Money;
}
