import { BusinessRuleViolation } from './domain-errors';
import { cursorParameters, decodeCursor, encodeCursor, Keyset, pageLimit, pageOf } from './pagination';

describe('keyset pagination', () => {
  const rows = [1, 2, 3, 4, 5].map((n) => ({ id: `id-${n}`, at: `2027-01-0${n}T00:00:00Z` }));

  it('keeps `limit` rows and points the cursor at the last one kept when there is more', () => {
    const page = pageOf(rows.slice(0, 3), 2, (row) => [row.at, row.id]);
    expect(page.items.map((row) => row.id)).toEqual(['id-1', 'id-2']);
    expect(decodeCursor(page.nextCursor!, 2)).toEqual(['2027-01-02T00:00:00Z', 'id-2']);
  });

  it('answers a null cursor on the last page', () => {
    expect(pageOf(rows.slice(0, 2), 2, (row) => [row.id]).nextCursor).toBeNull();
    expect(pageOf([], 2, (row: { id: string }) => [row.id])).toEqual({ items: [], nextCursor: null });
  });

  it('maps rows to items', () => {
    expect(
      pageOf(
        rows.slice(0, 1),
        5,
        (row) => [row.id],
        (row) => row.id,
      ).items,
    ).toEqual(['id-1']);
  });

  it('round-trips strings, numbers and nulls', () => {
    expect(decodeCursor(encodeCursor(['a', 2, null]), 3)).toEqual(['a', 2, null]);
  });

  it.each([['not base64 json'], [encodeCursor(['only-one'])], [Buffer.from('{"a":1}').toString('base64url')]])(
    'refuses a cursor it did not give (%s) with a 400 on the cursor field',
    (cursor) => {
      const attempt = () => decodeCursor(cursor, 2);
      expect(attempt).toThrow(BusinessRuleViolation);
      try {
        attempt();
      } catch (error) {
        expect(error).toMatchObject({ status: 400, code: 'bad-cursor', field: 'cursor' });
      }
    },
  );

  it('defaults the page size', () => {
    expect(pageLimit({})).toBe(100);
    expect(pageLimit({ limit: 7 })).toBe(7);
  });
});

describe('typed cursors', () => {
  it('checks each value against the kind of its column', () => {
    const key = ['2027-03-10 09:15:02.123456+00', 7, '3b241101-e2bb-4255-8caf-4136c566a962'];
    expect(cursorParameters(encodeCursor(key), ['timestamp', 'int', 'uuid'])).toEqual(key);
    expect(cursorParameters(undefined, ['timestamp', 'uuid'])).toEqual([null, null]);
    expect(() => cursorParameters(encodeCursor(['2027-02-30', 'x']), ['date', 'text'])).toThrow(BusinessRuleViolation);
    expect(() => cursorParameters(encodeCursor(['not-a-uuid']), ['uuid'])).toThrow(BusinessRuleViolation);
    expect(() => cursorParameters(encodeCursor([1.5]), ['int'])).toThrow(BusinessRuleViolation);
  });

  it.each([
    '2027-03-10T99:15:02.123456Z',
    '2027-03-10 09:60:02+00',
    '2027-03-10T09:15:61Z',
    '2027-03-10T09:15:02+25:00',
    '0000-03-10T09:15:02Z',
    '9999-12-31T23:59:59Z',
  ])('refuses the tampered but well-formed timestamp %p as a bad cursor (issue 11, finding 2)', (timestamp) => {
    const error = (() => {
      try {
        cursorParameters(encodeCursor([timestamp, '3b241101-e2bb-4255-8caf-4136c566a962']), ['timestamp', 'uuid']);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(BusinessRuleViolation);
    expect((error as BusinessRuleViolation).code).toBe('bad-cursor');
  });

  it('refuses a date cursor outside the years a local date may take', () => {
    expect(() => cursorParameters(encodeCursor(['0000-01-01']), ['date'])).toThrow(BusinessRuleViolation);
    expect(cursorParameters(encodeCursor(['2199-12-31']), ['date'])).toEqual(['2199-12-31']);
  });

  it('writes the SQL of a descending keyset and its parameters', () => {
    const keyset = new Keyset(
      [
        { sql: 'created_at', kind: 'timestamp' },
        { sql: 'id', kind: 'uuid' },
      ],
      'DESC',
    );
    expect(keyset.orderBy).toBe('created_at DESC, id DESC');
    expect(keyset.after(undefined, 3)).toEqual({ sql: 'TRUE', parameters: [] });
    const cursor = encodeCursor(['2027-03-10T09:15:02.123456Z', '3b241101-e2bb-4255-8caf-4136c566a962']);
    expect(keyset.after(cursor, 3)).toEqual({
      sql: '(created_at, id) < ($3::timestamptz, $4::uuid)',
      parameters: ['2027-03-10T09:15:02.123456Z', '3b241101-e2bb-4255-8caf-4136c566a962'],
    });
  });
});
