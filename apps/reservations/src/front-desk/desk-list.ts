import type { VipLevel } from '@frontoffice/contracts';
import type { DeskList, DeskListItem } from './front-desk.dto';

export interface DeskListRow {
  id: string;
  confirmation_number: string;
  status: string;
  guest_id: string | null;
  guest_first_name: string;
  guest_last_name: string;
  guest_language: string | null;
  guest_vip_level: VipLevel;
  room_type_id: string;
  room_id: string | null;
  room_number: string | null;
  arrival: string;
  departure: string;
  adults: number;
  children: number;
  group_block_id: string | null;
  group_code: string | null;
  group_name: string | null;
}

const VIP_RANK: Record<VipLevel, number> = { vvip: 0, vip: 1, none: 2 };

/**
 * A desk list as the desk reads it: each group's stays together (groups by code), then the others; VIPs first
 * within each, then by name. VIPs are flagged so the front office manager can greet them.
 */
export function arrangeDeskList(date: string, rows: DeskListRow[]): DeskList {
  const sorted = [...rows].sort(
    (left, right) =>
      Number(left.group_code === null) - Number(right.group_code === null) ||
      (left.group_code ?? '').localeCompare(right.group_code ?? '') ||
      VIP_RANK[left.guest_vip_level] - VIP_RANK[right.guest_vip_level] ||
      left.guest_last_name.localeCompare(right.guest_last_name) ||
      left.guest_first_name.localeCompare(right.guest_first_name) ||
      left.confirmation_number.localeCompare(right.confirmation_number),
  );
  const items: DeskListItem[] = sorted.map((row) => ({
    reservationId: row.id,
    confirmationNumber: row.confirmation_number,
    status: row.status,
    guest: {
      guestId: row.guest_id,
      firstName: row.guest_first_name,
      lastName: row.guest_last_name,
      language: row.guest_language,
      vipLevel: row.guest_vip_level,
    },
    vip: row.guest_vip_level !== 'none',
    roomTypeId: row.room_type_id,
    roomId: row.room_id,
    roomNumber: row.room_number,
    arrival: row.arrival,
    departure: row.departure,
    adults: row.adults,
    children: row.children,
    groupBlockId: row.group_block_id,
  }));
  const groups = new Map<string, DeskList['groups'][number]>();
  for (const row of sorted) {
    if (!row.group_block_id) continue;
    const group = groups.get(row.group_block_id) ?? {
      groupBlockId: row.group_block_id,
      code: row.group_code ?? '',
      name: row.group_name ?? '',
      reservationIds: [],
    };
    group.reservationIds.push(row.id);
    groups.set(row.group_block_id, group);
  }
  return {
    date,
    items,
    groups: [...groups.values()],
    vipCount: items.filter((item) => item.vip).length,
    nextCursor: null,
  };
}
