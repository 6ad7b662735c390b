import { ConflictError } from '@frontoffice/platform';
import {
  checkArrivalWindow,
  checkAssignment,
  moveFrom,
  outOfOrderDuring,
  RoomForAssignment,
  unusedNights,
} from './front-desk-rules';

const room = (overrides: Partial<RoomForAssignment> = {}): RoomForAssignment => ({
  id: 'room-1',
  number: '101',
  roomTypeId: 'double',
  status: 'vacant_clean',
  outOfOrderFrom: null,
  outOfOrderTo: null,
  ...overrides,
});

const tonight = { bookedRoomTypeId: 'double', from: '2026-12-01', to: '2026-12-04', occupiedNow: true, upgrade: false };

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConflictError);
    return (error as ConflictError).code;
  }
  throw new Error('expected a refusal');
}

describe('room assignment eligibility', () => {
  it('gives a vacant-clean or inspected room of the booked type', () => {
    expect(checkAssignment(room(), tonight)).toEqual({ upgraded: false });
    expect(checkAssignment(room({ status: 'inspected' }), tonight)).toEqual({ upgraded: false });
  });

  it('refuses a dirty, occupied or out-of-order room to a guest arriving now', () => {
    expect(refusal(() => checkAssignment(room({ status: 'vacant_dirty' }), tonight))).toBe('room-not-ready');
    expect(refusal(() => checkAssignment(room({ status: 'occupied' }), tonight))).toBe('room-not-ready');
    expect(
      refusal(() =>
        checkAssignment(room({ status: 'out_of_order', outOfOrderFrom: '2026-11-30', outOfOrderTo: null }), tonight),
      ),
    ).toBe('room-out-of-order');
  });

  it('lets a dirty room be assigned ahead for a later arrival, unless it is out of order then', () => {
    const ahead = { ...tonight, occupiedNow: false };
    expect(checkAssignment(room({ status: 'vacant_dirty' }), ahead)).toEqual({ upgraded: false });
    const planned = room({ outOfOrderFrom: '2026-12-03', outOfOrderTo: '2026-12-10' });
    expect(refusal(() => checkAssignment(planned, ahead))).toBe('room-out-of-order');
  });

  it('gives a room of another type only as an explicit upgrade, which is recorded', () => {
    const suite = room({ roomTypeId: 'suite' });
    expect(refusal(() => checkAssignment(suite, tonight))).toBe('room-type-mismatch');
    expect(checkAssignment(suite, { ...tonight, upgrade: true })).toEqual({ upgraded: true });
  });

  it('counts out-of-order ranges against stay nights, the departure day excluded', () => {
    // Stay nights 1, 2, 3 December; out of order from the 4th (the departure day) does not overlap.
    expect(
      outOfOrderDuring(room({ outOfOrderFrom: '2026-12-04', outOfOrderTo: '2026-12-05' }), '2026-12-01', '2026-12-04'),
    ).toBe(false);
    expect(
      outOfOrderDuring(room({ outOfOrderFrom: '2026-11-25', outOfOrderTo: '2026-11-30' }), '2026-12-01', '2026-12-04'),
    ).toBe(false);
    expect(
      outOfOrderDuring(room({ outOfOrderFrom: '2026-11-25', outOfOrderTo: '2026-12-01' }), '2026-12-01', '2026-12-04'),
    ).toBe(true);
    expect(
      outOfOrderDuring(room({ outOfOrderFrom: '2026-12-03', outOfOrderTo: null }), '2026-12-01', '2026-12-04'),
    ).toBe(true);
  });
});

describe('stay transitions at the desk', () => {
  it('checks in from the arrival date (or later, for a late arrival) until the departure date', () => {
    expect(() => checkArrivalWindow('2026-12-01', '2026-12-04', '2026-12-01')).not.toThrow();
    expect(() => checkArrivalWindow('2026-12-01', '2026-12-04', '2026-12-02')).not.toThrow();
    expect(refusal(() => checkArrivalWindow('2026-12-01', '2026-12-04', '2026-11-30'))).toBe('arrival-not-yet');
    expect(refusal(() => checkArrivalWindow('2026-12-01', '2026-12-04', '2026-12-04'))).toBe('stay-already-over');
  });

  it('gives back the nights not slept when a guest leaves early, across a DST change too', () => {
    expect(unusedNights('2026-12-04', '2026-12-04')).toEqual([]);
    expect(unusedNights('2026-12-04', '2026-12-05')).toEqual([]);
    expect(unusedNights('2026-12-04', '2026-12-02')).toEqual(['2026-12-02', '2026-12-03']);
    // Europe switches to summer time on 28 March 2027: still one night per calendar day.
    expect(unusedNights('2027-03-30', '2027-03-27')).toEqual(['2027-03-27', '2027-03-28', '2027-03-29']);
  });

  it('moves a stay from tonight, or from the arrival for a room move before it', () => {
    expect(moveFrom('2026-12-01', '2026-12-02')).toBe('2026-12-02');
    expect(moveFrom('2026-12-01', '2026-12-01')).toBe('2026-12-01');
  });
});
