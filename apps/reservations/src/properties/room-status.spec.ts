import { BusinessRuleViolation, ConflictError } from '@frontoffice/platform';
import { resolveRoomStatus, statusOnDate } from './room-status';

describe('room status changes', () => {
  it('puts a room out of order with a reason and a night range, defaulting to the business date', () => {
    expect(resolveRoomStatus('vacant_clean', { status: 'out_of_order', reason: 'Leak' }, '2027-01-10')).toEqual({
      status: 'out_of_order',
      outOfOrderReason: 'Leak',
      outOfOrderFrom: '2027-01-10',
      outOfOrderTo: null,
    });
    expect(
      resolveRoomStatus(
        'vacant_dirty',
        { status: 'out_of_order', reason: 'Paint', from: '2027-01-12', to: '2027-01-14' },
        '2027-01-10',
      ),
    ).toMatchObject({ outOfOrderFrom: '2027-01-12', outOfOrderTo: '2027-01-14' });
  });

  it('clears the out-of-order details when the room is back', () => {
    expect(resolveRoomStatus('out_of_order', { status: 'vacant_dirty' }, '2027-01-10')).toEqual({
      status: 'vacant_dirty',
      outOfOrderReason: null,
      outOfOrderFrom: null,
      outOfOrderTo: null,
    });
  });

  it('refuses what only a stay can do, and incomplete or backwards ranges', () => {
    expect(() => resolveRoomStatus('vacant_clean', { status: 'occupied' }, '2027-01-10')).toThrow(ConflictError);
    expect(() => resolveRoomStatus('occupied', { status: 'vacant_dirty' }, '2027-01-10')).toThrow(ConflictError);
    expect(() => resolveRoomStatus('inspected', { status: 'out_of_order' }, '2027-01-10')).toThrow(
      BusinessRuleViolation,
    );
    expect(() =>
      resolveRoomStatus(
        'inspected',
        { status: 'out_of_order', reason: 'x', from: '2027-01-12', to: '2027-01-11' },
        '2027-01-10',
      ),
    ).toThrow(BusinessRuleViolation);
    expect(() => resolveRoomStatus('inspected', { status: 'vacant_clean', reason: 'x' }, '2027-01-10')).toThrow(
      BusinessRuleViolation,
    );
  });
});

describe('scheduled out-of-order ranges', () => {
  it('keeps a room sellable until its range starts, then takes it out of order', () => {
    const scheduled = resolveRoomStatus(
      'inspected',
      { status: 'out_of_order', reason: 'Renovation', from: '2027-01-15', to: '2027-01-20' },
      '2027-01-10',
    );
    expect(scheduled).toEqual({
      status: 'inspected',
      outOfOrderReason: 'Renovation',
      outOfOrderFrom: '2027-01-15',
      outOfOrderTo: '2027-01-20',
    });
    const room = { status: scheduled.status, outOfOrderFrom: '2027-01-15', outOfOrderTo: '2027-01-20' };
    expect(statusOnDate(room, '2027-01-14')).toBeUndefined();
    expect(statusOnDate(room, '2027-01-15')).toBe('out_of_order');
    expect(statusOnDate({ ...room, status: 'out_of_order' }, '2027-01-20')).toBeUndefined();
    expect(statusOnDate({ ...room, status: 'out_of_order' }, '2027-01-21')).toBe('back_in_order');
    expect(statusOnDate({ ...room, status: 'out_of_order', outOfOrderTo: null }, '2030-01-01')).toBeUndefined();
    expect(statusOnDate({ ...room, status: 'occupied' }, '2027-01-15')).toBeUndefined();
    expect(
      statusOnDate({ status: 'vacant_clean', outOfOrderFrom: null, outOfOrderTo: null }, '2027-01-15'),
    ).toBeUndefined();
  });

  it('rescheduling a room that is out of order now puts it back in service until the new range', () => {
    expect(
      resolveRoomStatus('out_of_order', { status: 'out_of_order', reason: 'Later', from: '2027-02-01' }, '2027-01-10')
        .status,
    ).toBe('vacant_dirty');
  });
});

describe('housekeeping before a scheduled out-of-order range', () => {
  it('keeps the range when the room is cleaned meanwhile, and drops a range that has started', () => {
    const range = { reason: 'Renovation', from: '2027-01-15', to: '2027-01-20' };
    expect(resolveRoomStatus('vacant_dirty', { status: 'vacant_clean' }, '2027-01-10', range)).toEqual({
      status: 'vacant_clean',
      outOfOrderReason: 'Renovation',
      outOfOrderFrom: '2027-01-15',
      outOfOrderTo: '2027-01-20',
    });
    expect(
      resolveRoomStatus('out_of_order', { status: 'vacant_dirty' }, '2027-01-16', range).outOfOrderFrom,
    ).toBeNull();
  });
});
