import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { formatInstant, formatLocalDate, formatMoney, localeFor, type UiLanguage } from '../../shell/format';
import { useProperty } from '../../shell/property';
import type { Money, Page, Room, RoomType } from './types';

/** Money, dates and instants as the property shows them: its currency, its time zone, the user's language. */
export function useDeskFormat() {
  const { i18n } = useTranslation();
  const property = useProperty();
  const locale = localeFor(i18n.language as UiLanguage, property.country);
  return {
    locale,
    money: (value: Money | undefined) => (value ? formatMoney(value.amountMinor, value.currency, locale) : '—'),
    date: (value: string) => formatLocalDate(value, locale),
    instant: (value: string) => formatInstant(value, locale, property.timezone),
  };
}

export function useRoomTypes() {
  const property = useProperty();
  return useQuery({
    queryKey: ['reservations', property.id, 'room-types'],
    queryFn: () => api<Page<RoomType>>('reservations', `/v1/properties/${property.id}/room-types`),
    staleTime: 60_000,
  });
}

/** Every room of the property (pages followed): the rack and the room pickers need them all. */
export function useRooms() {
  const property = useProperty();
  return useQuery({
    queryKey: ['reservations', property.id, 'rooms'],
    queryFn: async () => {
      const rooms: Room[] = [];
      let cursor: string | null | undefined;
      do {
        const page: Page<Room> = await api<Page<Room>>('reservations', `/v1/properties/${property.id}/rooms`, {
          query: { limit: 500, cursor },
        });
        rooms.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return rooms.sort((a, b) => a.number.localeCompare(b.number, undefined, { numeric: true }));
    },
  });
}

/** A room is ready for a guest when it is clean (vacant-clean or inspected); the service checks the nights too. */
export function isReady(room: Room): boolean {
  return room.status === 'vacant_clean' || room.status === 'inspected';
}
