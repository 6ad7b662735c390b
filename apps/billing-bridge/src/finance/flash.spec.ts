import { roomKpis } from './flash';

describe('roomKpis', () => {
  it('computes occupancy, ADR and RevPAR with integer money', () => {
    expect(roomKpis(65, 80, 650_000)).toEqual({ occupancyPercent: 81.25, adr: 10_000, revpar: 8_125 });
    expect(roomKpis(1, 3, 10_000)).toEqual({ occupancyPercent: 33.33, adr: 10_000, revpar: 3_333 });
    expect(roomKpis(2, 3, 10_001)).toEqual({ occupancyPercent: 66.67, adr: 5_001, revpar: 3_334 });
  });

  it('has no ratio where nothing was sold or available', () => {
    expect(roomKpis(0, 10, 0)).toEqual({ occupancyPercent: 0, adr: null, revpar: 0 });
    expect(roomKpis(0, 0, 0)).toEqual({ occupancyPercent: null, adr: null, revpar: null });
  });
});
