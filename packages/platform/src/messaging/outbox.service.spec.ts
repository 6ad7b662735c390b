import { createEvent, EventEnvelope, EventValidationError, FolioOpenedV1, TOPICS } from '@frontoffice/contracts';
import type { EntityManager } from 'typeorm';
import { runWithCorrelation } from '../context/correlation';
import { OUTBOX_CHANNEL, OutboxService } from './outbox.service';

const PROPERTY_ID = '8a3f3c1e-6c0e-4d59-9a77-0c2f4e1b2a01';
const FOLIO_ID = '2c9d7e61-4b1a-4f3e-8d2c-5a6b7c8d9e01';
const RESERVATION_ID = '7e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a05';
const TRACEPARENT = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function folioOpened(): FolioOpenedV1 {
  return {
    folioId: FOLIO_ID,
    reservationId: RESERVATION_ID,
    status: 'open',
    balance: { amountMinor: 0, currency: 'EUR' },
  };
}

interface RecordedQuery {
  sql: string;
  parameters: unknown[] | undefined;
}

function fakeManager(transactionActive: boolean | 'no-query-runner'): {
  manager: EntityManager;
  queries: RecordedQuery[];
} {
  const queries: RecordedQuery[] = [];
  const manager = {
    queryRunner: transactionActive === 'no-query-runner' ? undefined : { isTransactionActive: transactionActive },
    query: async (sql: string, parameters?: unknown[]) => {
      queries.push({ sql, parameters });
      return [];
    },
  };
  return { manager: manager as unknown as EntityManager, queries };
}

function insertOf(queries: RecordedQuery[]): {
  parameters: unknown[];
  envelope: EventEnvelope<FolioOpenedV1>;
  headers: Record<string, string>;
} {
  const [insert] = queries;
  const parameters = insert.parameters ?? [];
  return {
    parameters,
    envelope: JSON.parse(parameters[4] as string),
    headers: JSON.parse(parameters[5] as string),
  };
}

describe('OutboxService.add', () => {
  const service = new OutboxService();

  it('refuses a manager without an active transaction and writes nothing', async () => {
    const { manager, queries } = fakeManager(false);
    const event = createEvent('folio.opened', { propertyId: PROPERTY_ID, subject: FOLIO_ID, data: folioOpened() });

    await expect(service.add(manager, event)).rejects.toThrow('OutboxService.add must run inside a transaction');
    expect(queries).toEqual([]);
  });

  it('refuses a manager without a query runner (the default, non-transactional manager)', async () => {
    const { manager, queries } = fakeManager('no-query-runner');
    const event = createEvent('folio.opened', { propertyId: PROPERTY_ID, subject: FOLIO_ID, data: folioOpened() });

    await expect(service.add(manager, event)).rejects.toThrow(/must run inside a transaction/);
    expect(queries).toEqual([]);
  });

  it('inserts the envelope into the outbox with the catalog topic, the property as key, then notifies the relay', async () => {
    const { manager, queries } = fakeManager(true);
    const event = createEvent('folio.opened', { propertyId: PROPERTY_ID, subject: FOLIO_ID, data: folioOpened() });

    await service.add(manager, event);

    expect(queries).toHaveLength(2);
    expect(queries[0].sql).toBe(
      'INSERT INTO outbox_event (id, topic, message_key, type, envelope, headers) VALUES ($1, $2, $3, $4, $5, $6)',
    );
    const { parameters, envelope, headers } = insertOf(queries);
    expect(parameters.slice(0, 4)).toEqual([event.id, 'billing.events.v1', PROPERTY_ID, 'folio.opened']);
    expect(parameters[1]).toBe(TOPICS.billing);
    expect(envelope).toEqual(event);
    expect(headers).toEqual({
      id: event.id,
      type: 'folio.opened',
      traceparent: expect.stringMatching(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/),
    });

    expect(queries[1]).toEqual({ sql: 'SELECT pg_notify($1, $2)', parameters: [OUTBOX_CHANNEL, 'billing.events.v1'] });
    expect(OUTBOX_CHANNEL).toBe('frontoffice_outbox');
  });

  it('adds the traceparent of the current work to the headers', async () => {
    const { manager, queries } = fakeManager(true);
    const event = createEvent('folio.opened', { propertyId: PROPERTY_ID, subject: FOLIO_ID, data: folioOpened() });

    await runWithCorrelation({ correlationId: 'req-1', causationId: null, traceparent: TRACEPARENT }, () =>
      service.add(manager, event),
    );

    expect(insertOf(queries).headers).toEqual({ id: event.id, type: 'folio.opened', traceparent: TRACEPARENT });
  });

  it('uses the topic of the event type: property.created goes to the reservations topic', async () => {
    const { manager, queries } = fakeManager(true);
    const event = createEvent('property.created', {
      propertyId: PROPERTY_ID,
      subject: PROPERTY_ID,
      data: {
        propertyId: PROPERTY_ID,
        code: 'LIS01',
        name: 'Lisbon Riverside',
        timezone: 'Europe/Lisbon',
        currency: 'EUR',
        country: 'PT',
        businessDate: '2026-03-01',
      },
    });

    await service.add(manager, event);

    expect(insertOf(queries).parameters[1]).toBe(TOPICS.reservations);
    expect(queries[1].parameters).toEqual([OUTBOX_CHANNEL, TOPICS.reservations]);
  });

  it('refuses an envelope whose type and version are not in the catalog', async () => {
    const { manager, queries } = fakeManager(true);
    const event = {
      ...createEvent('folio.opened', { propertyId: PROPERTY_ID, subject: FOLIO_ID, data: folioOpened() }),
      version: 99,
    };

    await expect(service.add(manager, event)).rejects.toThrow('Event folio.opened v99 is not in the contracts catalog');
    expect(queries).toEqual([]);
  });
});

describe('OutboxService.publish', () => {
  const service = new OutboxService();

  it('takes correlationId and causationId from the current work', async () => {
    const { manager, queries } = fakeManager(true);

    const event = await runWithCorrelation(
      { correlationId: 'req-42', causationId: '0d6b1c2e-3f4a-4b5c-8d6e-7f8091a2b3c4', traceparent: TRACEPARENT },
      () =>
        service.publish(manager, 'folio.opened', { propertyId: PROPERTY_ID, subject: FOLIO_ID, data: folioOpened() }),
    );

    expect(event).toMatchObject({
      type: 'folio.opened',
      version: 1,
      source: 'billing-bridge',
      propertyId: PROPERTY_ID,
      subject: FOLIO_ID,
      correlationId: 'req-42',
      causationId: '0d6b1c2e-3f4a-4b5c-8d6e-7f8091a2b3c4',
      data: folioOpened(),
    });
    expect(event.id).toMatch(UUID);

    const { parameters, envelope, headers } = insertOf(queries);
    expect(parameters[0]).toBe(event.id);
    expect(envelope).toEqual(event);
    expect(headers).toEqual({ id: event.id, type: 'folio.opened', traceparent: TRACEPARENT });
  });

  it('uses a null causation for work started by a person', async () => {
    const { manager } = fakeManager(true);
    const event = await runWithCorrelation({ correlationId: 'req-7', causationId: null }, () =>
      service.publish(manager, 'folio.opened', { propertyId: PROPERTY_ID, subject: FOLIO_ID, data: folioOpened() }),
    );
    expect(event.correlationId).toBe('req-7');
    expect(event.causationId).toBeNull();
  });

  it('starts a flow of its own outside of any correlated work', async () => {
    const { manager, queries } = fakeManager(true);

    const event = await service.publish(manager, 'folio.opened', {
      propertyId: PROPERTY_ID,
      subject: FOLIO_ID,
      data: folioOpened(),
    });

    expect(event.correlationId).toBe(event.id);
    expect(event.causationId).toBeNull();
    // A new trace starts here, so consumers' spans still link to this event.
    expect(insertOf(queries).headers).toEqual({
      id: event.id,
      type: 'folio.opened',
      traceparent: expect.stringMatching(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/),
    });
  });

  it('validates the payload before writing anything', async () => {
    const { manager, queries } = fakeManager(true);
    const invalid = { ...folioOpened(), folioId: 'not-a-uuid' };

    await expect(
      service.publish(manager, 'folio.opened', { propertyId: PROPERTY_ID, subject: FOLIO_ID, data: invalid }),
    ).rejects.toBeInstanceOf(EventValidationError);
    expect(queries).toEqual([]);
  });

  it('refuses to publish outside a transaction', async () => {
    const { manager, queries } = fakeManager(false);
    await expect(
      service.publish(manager, 'folio.opened', { propertyId: PROPERTY_ID, subject: FOLIO_ID, data: folioOpened() }),
    ).rejects.toThrow(/must run inside a transaction/);
    expect(queries).toEqual([]);
  });
});
