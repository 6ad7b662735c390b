import { BusinessRuleViolation } from './domain-errors';
import { decodeCursor, encodeCursor, pageLimit, pageOf } from './pagination';

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
