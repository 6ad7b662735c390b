import { BusinessRuleViolation, ConflictError } from '@frontoffice/platform';
import { resolveRoomStatus } from './room-status';

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
