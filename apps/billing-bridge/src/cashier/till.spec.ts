import {
  applyCashMovement,
  cashMovementRefusal,
  closeRefusal,
  seesTillFigures,
  tillExpected,
  tillVariance,
} from './till';

const noMovements = { paidIn: 0, paidOut: 0 };

describe('till arithmetic', () => {
  it('expects the float plus cash in minus cash out', () => {
    expect(tillExpected({ float: 20_000, cashIn: 12_550, cashOut: 2_000, ...noMovements })).toBe(30_550);
  });

  it('adds paid-ins and takes paid-outs off what the till should hold', () => {
    expect(tillExpected({ float: 20_000, cashIn: 12_550, cashOut: 2_000, paidIn: 5_000, paidOut: 1_250 })).toBe(34_300);
  });

  it('reports a short till as a negative variance, to the cent', () => {
    expect(tillVariance(30_550, 30_500)).toBe(-50);
    expect(tillVariance(30_550, 30_550)).toBe(0);
    expect(tillVariance(30_550, 31_000)).toBe(450);
  });

  it('refuses floats and negative counts', () => {
    expect(() => tillExpected({ float: 0.5, cashIn: 0, cashOut: 0, ...noMovements })).toThrow(RangeError);
    expect(() => tillExpected({ float: 0, cashIn: 0, cashOut: 0, paidIn: 0, paidOut: -1 })).toThrow(RangeError);
    expect(() => tillVariance(100, -1)).toThrow(RangeError);
  });
});

describe('cash paid in and out of a till', () => {
  it('raises the expected cash by a paid-in and lowers it by a paid-out', () => {
    expect(applyCashMovement(10_000, { type: 'paid_in', amount: 2_500 })).toEqual({ expected: 12_500 });
    expect(applyCashMovement(10_000, { type: 'paid_out', amount: 2_500 })).toEqual({ expected: 7_500 });
  });

  it('lets a paid-out empty the drawer but never take more than it holds', () => {
    expect(applyCashMovement(10_000, { type: 'paid_out', amount: 10_000 })).toEqual({ expected: 0 });
    expect(applyCashMovement(10_000, { type: 'paid_out', amount: 10_001 })).toMatchObject({
      code: 'insufficient-cash',
    });
    expect(applyCashMovement(0, { type: 'paid_in', amount: 1 })).toEqual({ expected: 1 });
  });

  it('refuses amounts that are not positive minor units', () => {
    expect(() => applyCashMovement(10_000, { type: 'paid_in', amount: 0 })).toThrow(RangeError);
    expect(() => applyCashMovement(10_000, { type: 'paid_out', amount: 1.5 })).toThrow(RangeError);
  });

  it("moves cash in the agent's own till only, a manager's included, nobody else's", () => {
    expect(cashMovementRefusal({ agentId: 'desk-1', movedBy: 'desk-1' })).toBeUndefined();
    expect(cashMovementRefusal({ agentId: 'fom-1', movedBy: 'fom-1' })).toBeUndefined();
    expect(cashMovementRefusal({ agentId: 'desk-1', movedBy: 'desk-2' })).toMatchObject({ code: 'not-your-till' });
    expect(cashMovementRefusal({ agentId: 'desk-1', movedBy: 'fom-1' })).toMatchObject({ code: 'not-your-till' });
  });
});

describe("who sees a till's figures before the count", () => {
  it('keeps them from the front desk (blind close) and shows them to the manager', () => {
    expect(seesTillFigures(['front_desk'])).toBe(false);
    expect(seesTillFigures(['front_office_manager'])).toBe(true);
    expect(seesTillFigures(['front_desk', 'front_office_manager'])).toBe(true);
  });
});

describe('who closes a till', () => {
  it('lets the agent close their own till and refuses anyone else, a manager included', () => {
    expect(closeRefusal({ agentId: 'desk-1', closedBy: 'desk-1' })).toBeUndefined();
    expect(closeRefusal({ agentId: 'desk-1', closedBy: 'fom-1' })).toMatchObject({ code: 'not-your-till' });
  });
});
