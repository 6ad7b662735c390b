import { arrangeDeskList, DeskListRow } from './desk-list';

const row = (overrides: Partial<DeskListRow>): DeskListRow => ({
  id: 'r',
  confirmation_number: 'AAAA2222',
  status: 'confirmed',
  guest_id: null,
  guest_first_name: 'Ann',
  guest_last_name: 'Smith',
  guest_language: null,
  guest_vip_level: 'none',
  room_type_id: 'double',
  room_id: null,
  room_number: null,
  arrival: '2026-12-01',
  departure: '2026-12-03',
  adults: 2,
  children: 0,
  group_block_id: null,
  group_code: null,
  group_name: null,
  ...overrides,
});

describe('desk lists', () => {
  it('puts each group together, then VIPs first, then by name, and flags VIPs', () => {
    const list = arrangeDeskList('2026-12-01', [
      row({ id: 'plain-b', guest_last_name: 'Brown' }),
      row({ id: 'vip', guest_last_name: 'Zed', guest_vip_level: 'vip' }),
      row({ id: 'group-2', guest_last_name: 'Able', group_block_id: 'g2', group_code: 'WED', group_name: 'Wedding' }),
      row({ id: 'plain-a', guest_last_name: 'Adams' }),
      row({ id: 'vvip', guest_last_name: 'Young', guest_vip_level: 'vvip' }),
      row({ id: 'group-1', guest_last_name: 'Cole', group_block_id: 'g1', group_code: 'CONF', group_name: 'Congress' }),
      row({
        id: 'group-1b',
        guest_last_name: 'Bell',
        group_block_id: 'g1',
        group_code: 'CONF',
        group_name: 'Congress',
      }),
    ]);
    expect(list.items.map((item) => item.reservationId)).toEqual([
      'group-1b',
      'group-1',
      'group-2',
      'vvip',
      'vip',
      'plain-a',
      'plain-b',
    ]);
    expect(list.groups).toEqual([
      { groupBlockId: 'g1', code: 'CONF', name: 'Congress', reservationIds: ['group-1b', 'group-1'] },
      { groupBlockId: 'g2', code: 'WED', name: 'Wedding', reservationIds: ['group-2'] },
    ]);
    expect(list.vipCount).toBe(2);
    expect(list.items.find((item) => item.reservationId === 'vvip')).toMatchObject({ vip: true });
    expect(list.items.find((item) => item.reservationId === 'plain-a')).toMatchObject({ vip: false });
  });
});
