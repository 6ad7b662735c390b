/** The shapes the desk screens read from reservations and billing-bridge (../shared/API.md and the services' DTOs). */
export interface Money {
  amountMinor: number;
  currency: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type ReservationStatus = 'confirmed' | 'checked_in' | 'checked_out' | 'cancelled' | 'no_show';
export type VipLevel = 'none' | 'vip' | 'vvip';

export interface RoomType {
  id: string;
  code: string;
  name: string;
  maxOccupancy: number;
  baseRate: Money;
}

export const ROOM_STATUSES = ['vacant_clean', 'vacant_dirty', 'inspected', 'occupied', 'out_of_order'] as const;
export type RoomStatus = (typeof ROOM_STATUSES)[number];
/** What housekeeping and the desk may set; `occupied` comes from a check-in only. */
export const SETTABLE_ROOM_STATUSES = ['vacant_clean', 'vacant_dirty', 'inspected', 'out_of_order'] as const;

export interface Room {
  id: string;
  number: string;
  floor: number | null;
  roomTypeId: string;
  status: RoomStatus;
  outOfOrder: { reason: string; from: string; to: string | null } | null;
}

export interface DeskListItem {
  reservationId: string;
  confirmationNumber: string;
  status: ReservationStatus;
  guest: { guestId: string | null; firstName: string; lastName: string; language: string | null; vipLevel: VipLevel };
  vip: boolean;
  roomTypeId: string;
  roomId: string | null;
  roomNumber: string | null;
  arrival: string;
  departure: string;
  adults: number;
  children: number;
  groupBlockId: string | null;
}

export interface DeskList {
  date: string;
  items: DeskListItem[];
  groups: Array<{ groupBlockId: string; code: string; name: string; reservationIds: string[] }>;
  vipCount: number;
  nextCursor: string | null;
}

export interface Reservation {
  id: string;
  confirmationNumber: string;
  status: ReservationStatus;
  guest: {
    guestId?: string;
    firstName: string;
    lastName: string;
    email?: string;
    phone?: string;
    language?: string;
    vipLevel?: VipLevel;
  };
  roomTypeId: string;
  arrival: string;
  departure: string;
  adults: number;
  children: number;
  roomId: string | null;
  notes: string | null;
  totalPrice: Money;
  nights: Array<{ date: string; price: Money }>;
  groupBlockId: string | null;
}

/** A reservation after a desk action (check-in, move, walk-in, check-out). */
export interface StayView extends Reservation {
  room: { id: string; number: string; roomTypeId: string } | null;
  upgraded: boolean;
}

export interface Availability {
  items: Array<{ roomTypeId: string; date: string; available: number; price: Money }>;
  stayPrices: Record<string, Money>;
}

export const CHARGE_TYPES = ['room', 'food_beverage', 'local_booking', 'transport', 'amenity', 'other'] as const;
export type ChargeType = (typeof CHARGE_TYPES)[number];
/** The ways the desk takes a payment at check-out (city ledger and bank transfer are back-office matters). */
export const DESK_PAYMENT_METHODS = ['card', 'cash'] as const;
export type DeskPaymentMethod = (typeof DESK_PAYMENT_METHODS)[number];

export interface Folio {
  id: string;
  reservationId: string;
  confirmationNumber: string;
  guestName: string;
  window: number;
  status: 'open' | 'due' | 'settled' | 'closed';
  balance: Money;
}

export interface Posting {
  id: string;
  kind: 'charge' | 'allowance';
  chargeType: ChargeType;
  description: string;
  amount: Money;
  businessDate: string;
  postedAt: string;
}

export interface Payment {
  id: string;
  method: string;
  amount: Money;
  refunded: Money;
  deposit: boolean;
  cardLast4?: string;
  businessDate: string;
  recordedAt: string;
}

export interface FolioDetail extends Folio {
  postings: Posting[];
  payments: Payment[];
}

export interface CashierSessionOpened {
  id: string;
  agentId: string;
  status: 'open' | 'closed' | 'signed_off';
  float: Money;
  businessDate: string;
  openedAt: string;
}

export interface CashierSession extends CashierSessionOpened {
  cashIn: Money;
  cashOut: Money;
}

export interface CashierSessionClose {
  id: string;
  status: 'closed';
  expected: Money;
  counted: Money;
  variance: Money;
  closedAt: string;
}
