import { categoryReport, compensationProblem, decideCompensation } from './complaint-rules';

describe('compensation decisions', () => {
  const people = { proposedBy: 'desk-1', decidedBy: 'manager-1' };

  it('approves or rejects a proposal once; a replayed approval changes nothing', () => {
    expect(decideCompensation('proposed', 'approved', people)).toEqual({ outcome: 'apply', to: 'approved' });
    expect(decideCompensation('proposed', 'rejected', people)).toEqual({ outcome: 'apply', to: 'rejected' });
    expect(decideCompensation('approved', 'approved', people)).toEqual({ outcome: 'already', status: 'approved' });
    expect(decideCompensation('rejected', 'approved', people)).toMatchObject({ outcome: 'refused' });
    expect(decideCompensation('approved', 'rejected', people)).toMatchObject({ outcome: 'refused' });
  });

  it('never lets the proposer approve their own compensation, but lets them withdraw it', () => {
    const own = { proposedBy: 'manager-1', decidedBy: 'manager-1' };
    expect(decideCompensation('proposed', 'approved', own)).toMatchObject({ outcome: 'forbidden' });
    expect(decideCompensation('approved', 'approved', own)).toMatchObject({ outcome: 'forbidden' });
    expect(decideCompensation('proposed', 'rejected', own)).toEqual({ outcome: 'apply', to: 'rejected' });
  });

  it('needs a reservation and a positive amount', () => {
    expect(compensationProblem({ reservationId: null, amountMinor: 100 })).toMatchObject({ field: 'reservationId' });
    expect(compensationProblem({ reservationId: 'r', amountMinor: 0 })).toMatchObject({ field: 'amount.amountMinor' });
    expect(compensationProblem({ reservationId: 'r', amountMinor: -5 })).toBeDefined();
    expect(compensationProblem({ reservationId: 'r', amountMinor: 5000 })).toBeUndefined();
  });
});

describe('recurring complaint categories', () => {
  it('orders by frequency, gives shares and flags categories at or above the threshold', () => {
    const report = categoryReport([
      { category: 'noise', count: 4 },
      { category: 'cleanliness', count: 1 },
      { category: 'billing', count: 3 },
      { category: 'staff', count: 0 },
    ]);
    expect(report).toEqual([
      { category: 'noise', count: 4, share: 0.5, recurring: true },
      { category: 'billing', count: 3, share: 0.375, recurring: true },
      { category: 'cleanliness', count: 1, share: 0.125, recurring: false },
    ]);
    expect(categoryReport([], 3)).toEqual([]);
  });
});
