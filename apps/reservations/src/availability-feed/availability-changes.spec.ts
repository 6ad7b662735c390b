import { coalesce, outOfOrderChange, publishedRange, rateRuns } from './availability-changes';

const TYPE_A = '11111111-1111-4111-8111-111111111111';
const TYPE_B = '22222222-2222-4222-8222-222222222222';
const PROPERTY = '33333333-3333-4333-8333-333333333333';

describe('availability changes', () => {
  it('coalesces the notes of one transaction into one range per room type', () => {
    expect(
      coalesce([
        { propertyId: PROPERTY, roomTypeId: TYPE_B, from: '2027-03-05', to: '2027-03-07', cause: 'inventory' },
        { propertyId: PROPERTY, roomTypeId: TYPE_A, from: '2027-03-01', to: '2027-03-03', cause: 'inventory' },
        { propertyId: PROPERTY, roomTypeId: TYPE_A, from: '2027-02-27', to: '2027-03-02', cause: 'inventory' },
        { propertyId: PROPERTY, roomTypeId: TYPE_B, from: '2027-03-06', to: null, cause: 'rooms' },
      ]),
    ).toEqual([
      { propertyId: PROPERTY, roomTypeId: TYPE_A, from: '2027-02-27', to: '2027-03-03', causes: ['inventory'] },
      { propertyId: PROPERTY, roomTypeId: TYPE_B, from: '2027-03-05', to: null, causes: ['inventory', 'rooms'] },
    ]);
  });

  it('publishes from the business date up to the horizon, and nothing for a change wholly in the past', () => {
    expect(publishedRange({ from: null, to: null }, '2027-01-10', 365)).toEqual({
      from: '2027-01-10',
      to: '2028-01-10',
    });
    expect(publishedRange({ from: '2027-01-01', to: '2027-01-12' }, '2027-01-10', 365)).toEqual({
      from: '2027-01-10',
      to: '2027-01-12',
    });
    expect(publishedRange({ from: '2027-01-01', to: '2027-01-05' }, '2027-01-10', 365)).toBeUndefined();
  });

  it('turns nightly prices into runs of equal price per plan', () => {
    const night = (ratePlanId: string, date: string, amountMinor: number) => ({
      ratePlanId,
      ratePlanCode: ratePlanId,
      date,
      amountMinor,
    });
    expect(
      rateRuns([
        night('BAR', '2027-06-09', 100),
        night('BAR', '2027-06-10', 200),
        night('BAR', '2027-06-11', 200),
        night('BAR', '2027-06-12', 100),
        night('NRF', '2027-06-09', 90),
        night('NRF', '2027-06-10', 90),
      ]).map((run) => [run.ratePlanId, run.from, run.to, run.amountMinor]),
    ).toEqual([
      ['BAR', '2027-06-09', '2027-06-10', 100],
      ['BAR', '2027-06-10', '2027-06-12', 200],
      ['BAR', '2027-06-12', '2027-06-13', 100],
      ['NRF', '2027-06-09', '2027-06-11', 90],
    ]);
  });

  it('spans both the old and the new out-of-order range', () => {
    expect(outOfOrderChange({ from: null, to: null }, { from: '2027-04-10', to: '2027-04-11' })).toEqual({
      from: '2027-04-10',
      to: '2027-04-12',
    });
    expect(outOfOrderChange({ from: '2027-04-10', to: '2027-04-11' }, { from: '2027-04-05', to: null })).toEqual({
      from: '2027-04-05',
      to: null,
    });
    expect(outOfOrderChange({ from: '2027-04-10', to: '2027-04-11' }, { from: null, to: null })).toEqual({
      from: '2027-04-10',
      to: '2027-04-12',
    });
    expect(outOfOrderChange({ from: '2027-04-10', to: null }, { from: '2027-04-10', to: null })).toBeUndefined();
  });
});
