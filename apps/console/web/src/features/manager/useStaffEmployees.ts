import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';
import { useProperty } from '../../shell/property';
import type { Page } from '../concierge/kit';
import type { StaffEmployee } from './model';

/** The property's employees as staffing schedules them (names for the grid, the absence form). */
export function useStaffEmployees() {
  const property = useProperty();
  return useQuery({
    queryKey: ['staffing', property.id, 'employees'],
    queryFn: () =>
      api<Page<StaffEmployee>>('staffing', `/v1/properties/${property.id}/employees`, { query: { limit: 100 } }),
  });
}
