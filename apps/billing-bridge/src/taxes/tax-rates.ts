import { CHARGE_TYPES, type ChargeType } from '@frontoffice/contracts';
import type { RevenueDepartment } from '../journal/financial-fact';

/** VAT rate per charge type, in basis points (1000 = 10 %). */
export type VatRates = Record<ChargeType, number>;

/**
 * French defaults: accommodation and food & beverage at the intermediate 10 % rate, passenger transport 10 %,
 * everything else (bookings made for the guest, amenities, sundries) at the standard 20 %.
 */
export const FRENCH_DEFAULT_VAT_RATES: VatRates = {
  room: 1000,
  food_beverage: 1000,
  transport: 1000,
  local_booking: 2000,
  amenity: 2000,
  other: 2000,
};

export interface TaxSettings {
  vatRates: VatRates;
  /** Taxe de séjour per adult per night, collected for the commune; zero until the property sets it. */
  cityTaxPerPersonNightMinor: number;
}

export const DEFAULT_TAX_SETTINGS: TaxSettings = { vatRates: FRENCH_DEFAULT_VAT_RATES, cityTaxPerPersonNightMinor: 0 };

/** Stored rates over the defaults: a charge type added later still gets a rate. */
export function mergeVatRates(stored: Partial<Record<string, number>> | undefined): VatRates {
  const merged = { ...FRENCH_DEFAULT_VAT_RATES };
  for (const type of CHARGE_TYPES) {
    const rate = stored?.[type];
    if (typeof rate === 'number') merged[type] = rate;
  }
  return merged;
}

/** The revenue department (and so the revenue account) of a charge type. */
export function departmentOf(chargeType: ChargeType): RevenueDepartment {
  return chargeType === 'room' ? 'rooms' : chargeType;
}
