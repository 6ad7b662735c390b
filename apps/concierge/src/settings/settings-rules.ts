import { REQUEST_CATEGORIES, type RequestCategory } from '@frontoffice/contracts';

export type SlaPolicy = Record<RequestCategory, number>;

/**
 * Minutes from a request's creation to its due time, per category, when the front office manager set nothing else.
 * Complaints are handled almost at once; a booking needs phone calls.
 */
export const DEFAULT_SLA_MINUTES: SlaPolicy = {
  information: 15,
  local_booking: 60,
  amenity: 30,
  luggage: 15,
  wake_up: 5,
  maintenance: 60,
  complaint: 10,
};

export const DEFAULT_FALLBACK_LANGUAGE = 'en';

export interface ConciergeSettings {
  propertyId: string;
  propertyName: string | null;
  timezone: string;
  /** The property's currency once its property event arrived; charges must use it. */
  currency: string | null;
  /** As set by the manager; null means "decide from the staff directory". */
  hasPorters: boolean | null;
  fallbackLanguage: string;
  slaMinutes: SlaPolicy;
  updatedBy: string | null;
  updatedAt: string | null;
}

/** Stored overrides on top of the defaults; unknown categories in old rows are ignored. */
export function slaPolicy(overrides: Partial<Record<string, number>> | null | undefined): SlaPolicy {
  const policy = { ...DEFAULT_SLA_MINUTES };
  for (const category of REQUEST_CATEGORIES) {
    const minutes = overrides?.[category];
    if (typeof minutes === 'number' && Number.isInteger(minutes) && minutes > 0) policy[category] = minutes;
  }
  return policy;
}

/** A property has porters when the manager says so, or, left unset, when its directory holds an active porter. */
export function effectiveHasPorters(setting: boolean | null, activePorters: number): boolean {
  return setting ?? activePorters > 0;
}

/** A charge or compensation in another currency than the property's could not be posted to the guest's folio. */
export function currencyProblem(propertyCurrency: string | null, currency: string): string | undefined {
  if (propertyCurrency === null || propertyCurrency === currency) return undefined;
  return `The property bills in ${propertyCurrency}, not ${currency}`;
}
