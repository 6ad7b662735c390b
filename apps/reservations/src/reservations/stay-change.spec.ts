import { planChange } from './stay-change';
import { stayNights } from './stay';

const priced = (dates: string[], amountMinor: number) => dates.map((date) => ({ date, amountMinor }));

describe('stay changes', () => {
  it('moves only the nights that differ when the room type stays', () => {
    const before = { roomTypeId: 'A', nights: priced(stayNights('2027-10-29', '2027-11-01'), 100) };
    const plan = planChange(before, { roomTypeId: 'A', nights: stayNights('2027-10-30', '2027-11-03') });
    expect(plan.release).toEqual(['2027-10-29']);
    expect(plan.hold).toEqual(['2027-11-01', '2027-11-02']);
    expect(plan.merge(priced(plan.hold, 130))).toEqual([
      { date: '2027-10-30', amountMinor: 100 },
      { date: '2027-10-31', amountMinor: 100 },
      { date: '2027-11-01', amountMinor: 130 },
      { date: '2027-11-02', amountMinor: 130 },
    ]);
  });

  it('moves every night to a new room type, repriced', () => {
    const before = { roomTypeId: 'A', nights: priced(stayNights('2027-03-27', '2027-03-29'), 100) };
    const plan = planChange(before, { roomTypeId: 'B', nights: stayNights('2027-03-27', '2027-03-29') });
    expect(plan.release).toEqual(['2027-03-27', '2027-03-28']);
    expect(plan.hold).toEqual(['2027-03-27', '2027-03-28']);
    expect(plan.merge(priced(plan.hold, 200)).map((night) => night.amountMinor)).toEqual([200, 200]);
  });

  it('changes nothing for a change of party or notes only', () => {
    const nights = priced(stayNights('2027-12-31', '2028-01-02'), 100);
    const plan = planChange(
      { roomTypeId: 'A', nights },
      { roomTypeId: 'A', nights: stayNights('2027-12-31', '2028-01-02') },
    );
    expect(plan.release).toEqual([]);
    expect(plan.hold).toEqual([]);
    expect(plan.merge([])).toEqual(nights);
  });
});
