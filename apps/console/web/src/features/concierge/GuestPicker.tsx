import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useProperty } from '../../shell/property';
import { Field } from './kit';
import type { StayGuest } from './model';

/** The in-house guests as the concierge knows them (name, room, language), to pick whom a task is for. */
export function useInHouseGuests() {
  const property = useProperty();
  return useQuery({
    queryKey: ['concierge', property.id, 'guests', 'in_house'],
    queryFn: () =>
      api<{ items: StayGuest[] }>('concierge', `/v1/properties/${property.id}/guests`, {
        query: { status: 'in_house', limit: 100 },
      }),
  });
}

export function guestLabel(guest: StayGuest): string {
  const room = guest.roomNumber ? ` · ${guest.roomNumber}` : '';
  const language = guest.language ? ` · ${guest.language}` : '';
  return `${guest.lastName.toUpperCase()} ${guest.firstName}${room}${language}`;
}

export function GuestPicker({
  value,
  onChange,
  error,
  optional = false,
}: {
  value: string;
  onChange: (reservationId: string, guest: StayGuest | undefined) => void;
  error?: string;
  optional?: boolean;
}) {
  const { t } = useTranslation('concierge');
  const guests = useInHouseGuests();
  const items = guests.data?.items ?? [];
  return (
    <Field label={t('guest.label')} error={error}>
      {(props) => (
        <select
          {...props}
          value={value}
          required={!optional}
          onChange={(event) =>
            onChange(
              event.target.value,
              items.find((guest) => guest.reservationId === event.target.value),
            )
          }
        >
          <option value="">{guests.isPending ? t('kit.loading') : t('guest.choose')}</option>
          {items.map((guest) => (
            <option key={guest.reservationId} value={guest.reservationId}>
              {guestLabel(guest)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
