import { createEvent, EVENT_CATALOG, validateEvent, type EventDataMap } from '../src';
import { issuesOf, PROPERTY_ID, rawEvent } from './fixtures';

const FOLIO = '0e7b5c1a-52a8-4f0f-8e0b-6c3f6c1f2a77';
const RESERVATION = '9f1c2c7e-8d0a-4a53-9a55-3f2b8f0c1d11';
const PAYMENT = '6a1d2f3e-4b5c-4d6e-8f70-8192a3b4c5d6';
const REFUND = '7b2e3f4a-5c6d-4e7f-8091-a2b3c4d5e6f7';
const SESSION = '8c3f4a5b-6d7e-4f80-9102-b3c4d5e6f708';
const INVOICE = '9d4a5b6c-7e8f-4091-a213-c4d5e6f70819';
const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });
const NOW = '2026-03-10T09:30:00.000Z';

const samples: { [K in keyof EventDataMap]?: { subject: string; data: EventDataMap[K] } } = {
  'folio.charge-posted': {
    subject: FOLIO,
    data: {
      postingId: PAYMENT,
      folioId: FOLIO,
      reservationId: RESERVATION,
      kind: 'charge',
      chargeType: 'room',
      source: 'night_audit',
      description: 'Room 101, night of 2026-03-10',
      amount: eur(12_400),
      net: eur(10_909),
      vat: eur(1_091),
      cityTax: eur(400),
      vatRateBasisPoints: 1000,
      businessDate: '2026-03-10',
      postedBy: 'night-audit',
    },
  },
  'payment.recorded': {
    subject: PAYMENT,
    data: {
      paymentId: PAYMENT,
      folioId: FOLIO,
      reservationId: RESERVATION,
      method: 'card',
      amount: eur(12_400),
      deposit: false,
      cardLast4: '4242',
      processorRef: 'ch_123',
      businessDate: '2026-03-10',
      recordedBy: 'emp-42',
      recordedAt: NOW,
    },
  },
  'refund.issued': {
    subject: REFUND,
    data: {
      refundId: REFUND,
      paymentId: PAYMENT,
      folioId: FOLIO,
      method: 'cash',
      amount: eur(1_000),
      reason: 'Minibar charged by mistake',
      requestedBy: 'emp-42',
      cashierSessionId: SESSION,
      businessDate: '2026-03-10',
      issuedAt: NOW,
    },
  },
  'refund.approval-requested': {
    subject: REFUND,
    data: {
      refundId: REFUND,
      paymentId: PAYMENT,
      folioId: FOLIO,
      method: 'card',
      amount: eur(50_000),
      threshold: eur(20_000),
      reason: 'Room not available',
      requestedBy: 'emp-42',
      requestedAt: NOW,
    },
  },
  'cashier-session.opened': {
    subject: SESSION,
    data: { sessionId: SESSION, agentId: 'emp-42', float: eur(20_000), businessDate: '2026-03-10', openedAt: NOW },
  },
  'cashier-session.closed': {
    subject: SESSION,
    data: {
      sessionId: SESSION,
      agentId: 'emp-42',
      expected: eur(25_000),
      counted: eur(24_950),
      variance: eur(-50),
      autoClosed: false,
      closedBy: 'emp-42',
      businessDate: '2026-03-10',
      closedAt: NOW,
    },
  },
  'invoice.issued': {
    subject: INVOICE,
    data: {
      invoiceId: INVOICE,
      kind: 'invoice',
      invoiceNumber: 'PAR-OPERA-000001',
      sequenceNumber: 1,
      folioId: FOLIO,
      reservationId: RESERVATION,
      total: eur(12_400),
      net: eur(10_909),
      vat: eur(1_091),
      cityTax: eur(400),
      businessDate: '2026-03-10',
      issuedAt: NOW,
    },
  },
};

describe('billing events', () => {
  it.each(Object.entries(samples))('accepts a complete %s from the billing bridge', (type, sample) => {
    const raw = rawEvent({ type, source: 'billing-bridge', subject: sample!.subject, data: sample!.data });
    expect(validateEvent(raw).type).toBe(type);
  });

  it('catalogues every billing event on the billing topic, produced by the billing bridge', () => {
    for (const type of Object.keys(samples)) {
      const definition = EVENT_CATALOG.find((candidate) => candidate.type === type);
      expect(definition).toMatchObject({ topic: 'billing.events.v1', source: 'billing-bridge', version: 1 });
    }
  });

  it('never accepts a card number where the last four digits go', () => {
    const data = { ...samples['payment.recorded']!.data, cardLast4: '4242424242424242' };
    const raw = rawEvent({ type: 'payment.recorded', source: 'billing-bridge', subject: PAYMENT, data });
    expect(issuesOf(() => validateEvent(raw)).map((issue) => issue.path)).toEqual(['data.cardLast4']);
  });

  it('refuses float money, unknown methods and kinds', () => {
    const payment = { ...samples['payment.recorded']!.data, amount: eur(12.5), method: 'cheque' };
    const raw = rawEvent({ type: 'payment.recorded', source: 'billing-bridge', subject: PAYMENT, data: payment });
    expect(issuesOf(() => validateEvent(raw)).map((issue) => issue.path)).toEqual(
      expect.arrayContaining(['data.amount.amountMinor', 'data.method']),
    );
    const posting = { ...samples['folio.charge-posted']!.data, kind: 'discount' };
    const rawPosting = rawEvent({
      type: 'folio.charge-posted',
      source: 'billing-bridge',
      subject: FOLIO,
      data: posting,
    });
    expect(issuesOf(() => validateEvent(rawPosting)).map((issue) => issue.path)).toEqual(['data.kind']);
  });

  it('builds a valid envelope with createEvent', () => {
    const event = createEvent('invoice.issued', {
      propertyId: PROPERTY_ID,
      subject: INVOICE,
      data: samples['invoice.issued']!.data,
    });
    expect(validateEvent(JSON.parse(JSON.stringify(event))).source).toBe('billing-bridge');
  });
});
