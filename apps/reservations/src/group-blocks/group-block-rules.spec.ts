import { BusinessRuleViolation } from '@frontoffice/platform';
import { releasePlan, remaining, validateBlock } from './group-block-rules';

describe('group block rules', () => {
  it('releases what the group did not pick up, night by night', () => {
    const nights = [
      { date: '2027-06-11', rooms: 10, pickedUp: 4, released: 0 },
      { date: '2027-06-12', rooms: 10, pickedUp: 10, released: 0 },
      { date: '2027-06-13', rooms: 5, pickedUp: 1, released: 0 },
    ];
    expect(nights.map(remaining)).toEqual([6, 0, 4]);
    expect(releasePlan(nights)).toEqual([
      { date: '2027-06-11', rooms: 6 },
      { date: '2027-06-13', rooms: 4 },
    ]);
  });

  it('refuses duplicate or past nights and a cut-off outside the block', () => {
    const ok = { cutoffDate: '2027-06-01', nights: [{ date: '2027-06-11', rooms: 2 }] };
    expect(() => validateBlock(ok, '2027-05-01')).not.toThrow();
    expect(() => validateBlock({ ...ok, nights: [...ok.nights, ...ok.nights] }, '2027-05-01')).toThrow(
      BusinessRuleViolation,
    );
    expect(() => validateBlock(ok, '2027-06-12')).toThrow(BusinessRuleViolation);
    expect(() => validateBlock({ ...ok, cutoffDate: '2027-06-12' }, '2027-05-01')).toThrow(BusinessRuleViolation);
  });
});
