/**
 * What an erasure on request does across the platform, service by service. Reservations erases at once, in the
 * request's transaction; the other services act on the `guest.profile-updated` event (erased: true) it publishes,
 * within seconds, each in its own database. Kept lines are what the law requires the hotel to keep.
 */
export interface ServiceErasure {
  service: 'reservations' | 'billing-bridge' | 'concierge' | 'staffing' | 'integrations';
  /** 'done' in this request; 'requested' when the service acts on the event. */
  status: 'done' | 'requested';
  scrubbed: string[];
  keptByLaw: string[];
  note?: string;
}

export const ERASURE_PLAN: readonly ServiceErasure[] = [
  {
    service: 'reservations',
    status: 'done',
    scrubbed: [
      'guest profile: names, e-mail, phone, VIP notes, preferences',
      "reservations' guest snapshots: names, e-mail, phone, notes",
      'stored answers replayed for an Idempotency-Key',
      'VIP-note values in the profile audit trail',
      'outbox events not yet expired (names in reservation and guest events)',
    ],
    keptByLaw: [],
  },
  {
    service: 'billing-bridge',
    status: 'requested',
    scrubbed: [
      "folios' guest name (finance and desk views)",
      'stored answers replayed for an Idempotency-Key',
      'outbox events not yet expired',
    ],
    keptByLaw: [
      "issued invoices' bill-to name (tax law: an invoice is kept unaltered)",
      'posted journal entries and their exports, sub-ledger label included (accounting records are kept unaltered)',
    ],
  },
  {
    service: 'concierge',
    status: 'requested',
    scrubbed: [
      'in-house guest list: names and language',
      "requests' guest name and the guest's name in request and complaint texts",
      "complaints: the guest's own words",
      'luggage items: guest name and the name in their description',
      'stored answers replayed for an Idempotency-Key',
      'outbox events not yet expired',
      'guest e-mail: recipient, name, text and the relay reply of every message; messages still waiting cancelled',
    ],
    keptByLaw: [],
  },
  {
    service: 'integrations',
    status: 'requested',
    scrubbed: [
      "events kept for webhook delivery and redelivery: every personal field (names, e-mail, phone) of the guest's events",
    ],
    keptByLaw: [],
    note: 'Webhooks already delivered to a subscriber are that subscriber’s records: the chain asks each one to erase',
  },
  {
    service: 'staffing',
    status: 'done',
    scrubbed: [],
    keptByLaw: [],
    note: 'Staffing keeps no guest data: its forecast counts arrivals and departures, never names',
  },
];

export interface ErasureReport {
  reservationIds: string[];
  services: ServiceErasure[];
}

export function erasureReport(reservationIds: string[]): ErasureReport {
  return { reservationIds, services: ERASURE_PLAN.map((entry) => ({ ...entry })) };
}
