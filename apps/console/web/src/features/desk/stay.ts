import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';
import { useProperty } from '../../shell/property';
import type { Reservation } from './types';

export function useReservation(reservationId: string | undefined) {
  const property = useProperty();
  return useQuery({
    queryKey: ['reservations', property.id, 'reservation', reservationId],
    queryFn: () => api<Reservation>('reservations', `/v1/properties/${property.id}/reservations/${reservationId}`),
    enabled: Boolean(reservationId),
  });
}
