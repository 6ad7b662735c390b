import { createEvent, EVENT_CATALOG, validateEvent } from '../src';
import { pathsOf, PROPERTY_ID, RESERVATION_ID } from './fixtures';

const REQUEST_ID = '7a0e1c2b-3d4f-4a5b-8c6d-7e8f9a0b1c2d';
const COMPLAINT_ID = '1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e';
const MESSAGE_ID = '2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f';
const TEMPLATE_ID = '3d4e5f6a-7b8c-4d9e-8f1a-2b3c4d5e6f7a';
const AT = '2026-03-10T15:00:00.000Z';

// These tests write wrongly typed values on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Data = Record<string, any>;

const samples: Array<[string, string, Data]> = [
  [
    'concierge.request-created',
    REQUEST_ID,
    {
      requestId: REQUEST_ID,
      category: 'luggage',
      priority: 'normal',
      role: 'porter',
      kind: 'luggage_up',
      reservationId: RESERVATION_ID,
      roomNumber: '512',
      dueAt: AT,
      createdBy: 'system',
      createdAt: AT,
    },
  ],
  [
    'concierge.request-assigned',
    REQUEST_ID,
    { requestId: REQUEST_ID, category: 'luggage', assigneeId: 'emp-7', assignedBy: 'emp-1', assignedAt: AT, dueAt: AT },
  ],
  [
    'concierge.request-completed',
    REQUEST_ID,
    {
      requestId: REQUEST_ID,
      category: 'luggage',
      assigneeId: 'emp-7',
      completedBy: 'emp-7',
      completedAt: AT,
      dueAt: AT,
      withinSla: true,
    },
  ],
  [
    'concierge.request-escalated',
    REQUEST_ID,
    {
      requestId: REQUEST_ID,
      category: 'amenity',
      priority: 'high',
      reason: 'sla_breached',
      escalatedTo: 'front_office_manager',
      dueAt: AT,
      escalatedAt: AT,
    },
  ],
  [
    'concierge.complaint-logged',
    COMPLAINT_ID,
    { complaintId: COMPLAINT_ID, requestId: REQUEST_ID, category: 'noise', loggedBy: 'emp-1', loggedAt: AT },
  ],
  [
    'concierge.message-sent',
    MESSAGE_ID,
    {
      messageId: MESSAGE_ID,
      purpose: 'welcome',
      language: 'fr',
      fallbackUsed: false,
      templateId: TEMPLATE_ID,
      reservationId: RESERVATION_ID,
      channel: 'email',
      sentBy: 'emp-1',
      sentAt: AT,
    },
  ],
  [
    'concierge.message-delivery-changed',
    MESSAGE_ID,
    {
      messageId: MESSAGE_ID,
      purpose: 'welcome',
      reservationId: RESERVATION_ID,
      status: 'deferred',
      attempts: 1,
      smtpCode: 451,
      nextAttemptAt: AT,
      changedAt: AT,
    },
  ],
];

function raw(type: string, subject: string, data: Data): Record<string, unknown> {
  return {
    id: '5d3f0a8e-1c2b-4e7f-9a6d-2b1c0e9f8a73',
    type,
    version: 1,
    source: 'concierge',
    time: AT,
    propertyId: PROPERTY_ID,
    subject,
    correlationId: 'c-1',
    causationId: null,
    data,
  };
}

describe('concierge events', () => {
  it('catalogues every concierge event on the concierge topic, the two billing consumes included', () => {
    const types = EVENT_CATALOG.filter((definition) => definition.source === 'concierge').map((d) => d.type);
    expect(types.sort()).toEqual(
      [
        'concierge.service-charged',
        'concierge.compensation-granted',
        'concierge.request-created',
        'concierge.request-assigned',
        'concierge.request-completed',
        'concierge.request-escalated',
        'concierge.complaint-logged',
        'concierge.message-sent',
        'concierge.message-delivery-changed',
      ].sort(),
    );
  });

  it.each(samples)('accepts a valid %s', (type, subject, data) => {
    expect(validateEvent(raw(type, subject, data)).type).toBe(type);
  });

  it('builds a request-created with createEvent', () => {
    const [, subject, data] = samples[0];
    const event = createEvent('concierge.request-created', {
      propertyId: PROPERTY_ID,
      subject,
      data: data as never,
    });
    expect(event.source).toBe('concierge');
    expect(event.subject).toBe(REQUEST_ID);
  });

  it('refuses an unknown category, priority and role on request-created', () => {
    const data = { ...samples[0][2], category: 'spa', priority: 'asap', role: 'chef' };
    expect(pathsOf(() => validateEvent(raw('concierge.request-created', REQUEST_ID, data)))).toEqual([
      'data.category',
      'data.priority',
      'data.role',
    ]);
  });

  it('only escalates to the front office manager, for a known reason', () => {
    const data = { ...samples[3][2], escalatedTo: 'porter', reason: 'bored' };
    expect(pathsOf(() => validateEvent(raw('concierge.request-escalated', REQUEST_ID, data)))).toEqual([
      'data.escalatedTo',
      'data.reason',
    ]);
  });

  it('refuses a message-sent without a proper language or with an unknown purpose', () => {
    const data = { ...samples[5][2], language: 'english', purpose: 'spam' };
    expect(pathsOf(() => validateEvent(raw('concierge.message-sent', MESSAGE_ID, data)))).toEqual([
      'data.language',
      'data.purpose',
    ]);
  });

  it('refuses a delivery status outside the list and a reply code that is not SMTP', () => {
    const data = { ...samples[6][2], status: 'bounced', smtpCode: 99 };
    expect(pathsOf(() => validateEvent(raw('concierge.message-delivery-changed', MESSAGE_ID, data))).sort()).toEqual([
      'data.smtpCode',
      'data.status',
    ]);
  });

  it('requires the reservation and a money amount on compensation-granted, which billing posts', () => {
    const compensationId = '4e5f6a7b-8c9d-4e0f-9a1b-2c3d4e5f6a7b';
    const valid = {
      compensationId,
      complaintId: COMPLAINT_ID,
      reservationId: RESERVATION_ID,
      kind: 'allowance',
      amount: { amountMinor: 5000, currency: 'EUR' },
      description: 'Noisy room',
      approvedBy: 'emp-fom',
      approvedAt: AT,
    };
    expect(validateEvent(raw('concierge.compensation-granted', compensationId, valid)).type).toBe(
      'concierge.compensation-granted',
    );
    const { reservationId: _omitted, ...withoutReservation } = valid;
    void _omitted;
    expect(
      pathsOf(() => validateEvent(raw('concierge.compensation-granted', compensationId, withoutReservation))),
    ).toEqual(['data.reservationId']);
  });
});
