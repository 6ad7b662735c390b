import { useQuery } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';
import { api } from '../api';
import { useUser } from './session';

/** A property as reservations returns it (GET /v1/properties). */
export interface Property {
  id: string;
  code: string;
  name: string;
  timezone: string;
  currency: string;
  country: string;
  businessDate: string;
}

interface PropertyContextValue {
  properties: Property[];
  property: Property | undefined;
  select(propertyId: string): void;
}

const PropertyContext = createContext<PropertyContextValue | undefined>(undefined);
const STORAGE_KEY = 'console.propertyId';

/** The properties the user may see, and the one they work on (remembered in this browser). */
export function PropertyProvider({ children }: { children: ReactNode }) {
  const user = useUser();
  const { data } = useQuery({
    queryKey: ['reservations', 'properties'],
    queryFn: () => api<{ items: Property[] }>('reservations', '/v1/properties', { query: { limit: 500 } }),
  });
  const [selected, setSelected] = useState<string | null>(() => localStorage.getItem(STORAGE_KEY));
  const value = useMemo<PropertyContextValue>(() => {
    const visible = (data?.items ?? []).filter(
      (property) => user.properties.includes('*') || user.properties.includes(property.id),
    );
    return {
      properties: visible,
      property: visible.find((property) => property.id === selected) ?? visible[0],
      select: (propertyId) => {
        localStorage.setItem(STORAGE_KEY, propertyId);
        setSelected(propertyId);
      },
    };
  }, [data, selected, user.properties]);
  return <PropertyContext.Provider value={value}>{children}</PropertyContext.Provider>;
}

export function useProperties(): PropertyContextValue {
  const value = useContext(PropertyContext);
  if (!value) throw new Error('useProperties outside PropertyProvider');
  return value;
}

/** The property the user works on; screens render only once it is known. */
export function useProperty(): Property {
  const { property } = useProperties();
  if (!property) throw new Error('useProperty before the property is loaded');
  return property;
}
