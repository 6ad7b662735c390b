import { closeRefusal, tillExpected, tillVariance } from './till';

describe('till arithmetic', () => {
  it('expects the float plus cash in minus cash out', () => {
    expect(tillExpected({ float: 20_000, cashIn: 12_550, cashOut: 2_000 })).toBe(30_550);
  });

  it('reports a short till as a negative variance, to the cent', () => {
    expect(tillVariance(30_550, 30_500)).toBe(-50);
    expect(tillVariance(30_550, 30_550)).toBe(0);
    expect(tillVariance(30_550, 31_000)).toBe(450);
  });

  it('refuses floats and negative counts', () => {
    expect(() => tillExpected({ float: 0.5, cashIn: 0, cashOut: 0 })).toThrow(RangeError);
    expect(() => tillVariance(100, -1)).toThrow(RangeError);
  });
});

describe('who closes a till', () => {
  it('lets the agent close their own till and refuses anyone else, a manager included', () => {
    expect(closeRefusal({ agentId: 'desk-1', closedBy: 'desk-1' })).toBeUndefined();
    expect(closeRefusal({ agentId: 'desk-1', closedBy: 'fom-1' })).toMatchObject({ code: 'not-your-till' });
  });
});
