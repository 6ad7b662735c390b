import { createEvent, EVENT_CATALOG, validateEvent, type JournalBatchClosedV1 } from '../src';
import { pathsOf, PROPERTY_ID, rawEvent } from './fixtures';

const BATCH = '2f6c1e0a-3b4d-4c5e-8f60-718293a4b5c6';

function batchClosed(): JournalBatchClosedV1 {
  return {
    batchId: BATCH,
    businessDate: '2026-03-10',
    debit: { amountMinor: 48_650, currency: 'EUR' },
    credit: { amountMinor: 48_650, currency: 'EUR' },
    entryCount: 4,
    lineCount: 11,
    closedAt: '2026-03-11T02:05:00.000Z',
  };
}

describe('journal.batch-closed', () => {
  it('is catalogued on the billing topic, produced by the billing bridge, with the batch as subject', () => {
    const definition = EVENT_CATALOG.find((candidate) => candidate.type === 'journal.batch-closed');
    expect(definition).toMatchObject({
      topic: 'billing.events.v1',
      source: 'billing-bridge',
      version: 1,
      subject: 'batchId',
    });
  });

  it('accepts a closed batch and round-trips through createEvent', () => {
    const raw = rawEvent({
      type: 'journal.batch-closed',
      source: 'billing-bridge',
      subject: BATCH,
      data: batchClosed(),
    });
    expect(validateEvent(raw).data).toEqual(batchClosed());
    const event = createEvent('journal.batch-closed', { propertyId: PROPERTY_ID, subject: BATCH, data: batchClosed() });
    expect(validateEvent(JSON.parse(JSON.stringify(event)))).toMatchObject({ type: 'journal.batch-closed' });
  });

  it('refuses float totals, a bad date, negative counts and a local closing time, field by field', () => {
    const data = {
      ...batchClosed(),
      debit: { amountMinor: 486.5, currency: 'EUR' },
      businessDate: '10/03/2026',
      lineCount: -1,
      closedAt: '2026-03-11 02:05',
    };
    const raw = rawEvent({ type: 'journal.batch-closed', source: 'billing-bridge', subject: BATCH, data });
    expect(pathsOf(() => validateEvent(raw))).toEqual([
      'data.businessDate',
      'data.closedAt',
      'data.debit.amountMinor',
      'data.lineCount',
    ]);
  });

  it('needs the subject to be the batch id', () => {
    const raw = rawEvent({
      type: 'journal.batch-closed',
      source: 'billing-bridge',
      subject: PROPERTY_ID,
      data: batchClosed(),
    });
    expect(pathsOf(() => validateEvent(raw))).toEqual(['subject']);
  });
});
