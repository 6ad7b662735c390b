import { ageReceivables } from './aging';

describe('ageReceivables', () => {
  const debits = [
    { businessDate: '2026-03-30', amount: 1_000 },
    { businessDate: '2026-01-01', amount: 500 },
    { businessDate: '2026-02-15', amount: 700 },
    { businessDate: '2026-03-01', amount: 300 },
  ];

  it('puts each open debt in its age bucket as of the date', () => {
    expect(ageReceivables(debits, 0, '2026-03-31')).toEqual({
      current: 1_300,
      days31to60: 700,
      days61to90: 500,
      over90: 0,
    });
    expect(ageReceivables(debits, 0, '2026-04-02').days61to90).toBe(0);
    expect(ageReceivables(debits, 0, '2026-04-02').over90).toBe(500);
  });

  it('settles the oldest debts first with what was received', () => {
    expect(ageReceivables(debits, 900, '2026-03-31')).toEqual({
      current: 1_300,
      days31to60: 300,
      days61to90: 0,
      over90: 0,
    });
  });

  it('ages nothing when everything is paid, even in advance', () => {
    expect(ageReceivables(debits, 10_000, '2026-03-31')).toEqual({
      current: 0,
      days31to60: 0,
      days61to90: 0,
      over90: 0,
    });
  });
});
