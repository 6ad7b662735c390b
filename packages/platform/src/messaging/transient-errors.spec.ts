import { EventValidationError } from '@frontoffice/contracts';
import { isTransientError } from './transient-errors';

const withCode = (code: string, message = 'failed') => Object.assign(new Error(message), { code });

describe('isTransientError', () => {
  it.each([
    ['lock_timeout', withCode('55P03')],
    ['statement_timeout', withCode('57014')],
    ['serialization failure', withCode('40001')],
    ['deadlock', withCode('40P01')],
    ['admin shutdown', withCode('57P01', 'terminating connection due to administrator command')],
    ['database starting up', withCode('57P03')],
    ['too many connections', withCode('53300')],
    ['connection refused', withCode('ECONNREFUSED')],
    ['connection reset', withCode('ECONNRESET')],
    ['connection lost', new Error('Connection terminated unexpectedly')],
    ['pool timeout', new Error('timeout exceeded when trying to connect')],
    ['a broker error', Object.assign(new Error('Connection error'), { name: 'KafkaJSConnectionError' })],
  ])('retries %s', (_, error) => {
    expect(isTransientError(error)).toBe(true);
  });

  it('looks through TypeORM, cause and AggregateError wrappers', () => {
    const driverError = withCode('40001');
    expect(isTransientError(Object.assign(new Error('QueryFailedError'), { driverError }))).toBe(true);
    expect(isTransientError(new Error('outer', { cause: withCode('ECONNREFUSED') }))).toBe(true);
    expect(isTransientError(new AggregateError([withCode('ECONNREFUSED')], 'connect failed'))).toBe(true);
  });

  it.each([
    ['a unique violation', withCode('23505')],
    ['a check violation', withCode('23514')],
    ['a handler refusing the event', new Error('No folio for reservation 42')],
    ['an invalid event', new EventValidationError([{ path: 'data.adults', message: 'must be positive' }])],
    ['not an error at all', 'boom'],
  ])('does not retry %s for ever', (_, error) => {
    expect(isTransientError(error)).toBe(false);
  });
});
