import type { IHeaders, KafkaMessage } from 'kafkajs';
import { deadLetterMessage, DLQ_HEADERS, headersAsStrings } from './dead-letter';

const ENVELOPE = JSON.stringify({ id: 'e1', type: 'folio.opened', data: { folioId: 'f1' } });

function kafkaMessage(
  overrides: Partial<{ key: Buffer | null; value: Buffer | null; headers: IHeaders; offset: string }> = {},
): KafkaMessage {
  return {
    key: Buffer.from('8a3f3c1e-6c0e-4d59-9a77-0c2f4e1b2a01'),
    value: Buffer.from(ENVELOPE),
    timestamp: '1764400000000',
    attributes: 0,
    offset: '4711',
    headers: {
      id: Buffer.from('e1'),
      type: Buffer.from('folio.opened'),
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
    },
    ...overrides,
  };
}

describe('headersAsStrings', () => {
  it('decodes Buffers and keeps strings', () => {
    expect(headersAsStrings({ id: Buffer.from('e-1'), type: 'folio.opened', utf8: Buffer.from('Zürich ☕') })).toEqual({
      id: 'e-1',
      type: 'folio.opened',
      utf8: 'Zürich ☕',
    });
  });

  it('joins repeated header values with commas', () => {
    expect(headersAsStrings({ tags: [Buffer.from('a'), 'b', Buffer.from('c')] })).toEqual({ tags: 'a,b,c' });
  });

  it('drops undefined values', () => {
    const result = headersAsStrings({ present: 'yes', missing: undefined });
    expect(result).toEqual({ present: 'yes' });
    expect(Object.keys(result)).toEqual(['present']);
  });

  it('returns an empty object for missing headers', () => {
    expect(headersAsStrings(undefined)).toEqual({});
    expect(headersAsStrings({})).toEqual({});
  });
});

describe('deadLetterMessage', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-03-01T10:15:30.123Z') });
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  it('targets <topic>.dlq with the original key, value and headers plus every DLQ header', () => {
    const dead = deadLetterMessage({
      topic: 'billing.events.v1',
      partition: 3,
      message: kafkaMessage(),
      consumerGroup: 'frontoffice-reservations',
      attempts: 4,
      reasonCode: 'handler-refused',
      reason: 'TypeError: cannot read properties of undefined',
    });

    expect(dead).toEqual({
      topic: 'billing.events.v1.dlq',
      key: '8a3f3c1e-6c0e-4d59-9a77-0c2f4e1b2a01',
      value: ENVELOPE,
      headers: {
        id: 'e1',
        type: 'folio.opened',
        traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
        'dlq-reason': 'TypeError: cannot read properties of undefined',
        'dlq-original-topic': 'billing.events.v1',
        'dlq-original-partition': '3',
        'dlq-original-offset': '4711',
        'dlq-consumer-group': 'frontoffice-reservations',
        'dlq-attempts': '4',
        'dlq-failed-at': '2026-03-01T10:15:30.123Z',
        'dlq-reason-code': 'handler-refused',
      },
    });
  });

  it('sets every header named in DLQ_HEADERS, as strings', () => {
    const dead = deadLetterMessage({
      topic: 'reservations.events.v1',
      partition: 0,
      message: kafkaMessage({ headers: {} }),
      consumerGroup: 'g',
      attempts: 1,
      reason: 'r',
      reasonCode: 'handler-refused',
    });

    for (const header of Object.values(DLQ_HEADERS)) {
      expect(typeof dead.headers[header]).toBe('string');
      expect(dead.headers[header].length).toBeGreaterThan(0);
    }
    expect(Object.keys(dead.headers).sort()).toEqual(Object.values(DLQ_HEADERS).sort());
  });

  it('replaces stale DLQ headers of a replayed message with the new failure', () => {
    const dead = deadLetterMessage({
      topic: 'reservations.events.v1',
      partition: 1,
      message: kafkaMessage({ headers: { 'dlq-reason': 'old reason', 'dlq-attempts': '9', id: 'e1' } }),
      consumerGroup: 'g',
      attempts: 2,
      reason: 'new reason',
      reasonCode: 'handler-refused',
    });
    expect(dead.headers).toMatchObject({ 'dlq-reason': 'new reason', 'dlq-attempts': '2', id: 'e1' });
  });

  it('truncates a reason over 4000 characters', () => {
    const reason = `Error: ${'x'.repeat(10_000)}`;
    const dead = deadLetterMessage({
      topic: 't',
      partition: 0,
      message: kafkaMessage(),
      consumerGroup: 'g',
      attempts: 1,
      reasonCode: 'handler-refused',
      reason,
    });

    expect(dead.headers['dlq-reason']).toHaveLength(4000);
    expect(dead.headers['dlq-reason']).toBe(reason.slice(0, 4000));
  });

  it('keeps a reason of exactly 4000 characters whole', () => {
    const reason = 'y'.repeat(4000);
    const dead = deadLetterMessage({
      topic: 't',
      partition: 0,
      message: kafkaMessage(),
      consumerGroup: 'g',
      attempts: 1,
      reasonCode: 'handler-refused',
      reason,
    });
    expect(dead.headers['dlq-reason']).toBe(reason);
  });

  it('uses empty strings for a null key and value, and works without headers', () => {
    const message: KafkaMessage = {
      key: null,
      value: null,
      timestamp: '0',
      attributes: 0,
      offset: '0',
      size: 10,
    };
    const dead = deadLetterMessage({
      topic: 'concierge.events.v1',
      partition: 5,
      message,
      consumerGroup: 'g',
      attempts: 3,
      reasonCode: 'handler-refused',
      reason: 'poison',
    });

    expect(dead.key).toBe('');
    expect(dead.value).toBe('');
    expect(dead.topic).toBe('concierge.events.v1.dlq');
    expect(dead.headers['dlq-original-partition']).toBe('5');
    expect(dead.headers['dlq-original-offset']).toBe('0');
  });
});
