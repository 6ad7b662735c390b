import { invalidField } from '../folios/money-input';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { recordAudit } from '../folios/billing-audit';
import { loadBillingProperty } from '../properties/billing-property';
import { DEFAULT_TAX_SETTINGS, mergeVatRates, TaxSettings } from './tax-rates';
import { TaxSettingsView, UpdateTaxSettingsDto } from './taxes.dto';

interface TaxRow {
  vat_rates: Record<string, number>;
  city_tax_per_person_night_minor: string;
}

@Injectable()
export class TaxesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The property's rates, or the French defaults until it sets its own. */
  async settingsFor(manager: EntityManager, propertyId: string): Promise<TaxSettings & { configured: boolean }> {
    const rows: TaxRow[] = await manager.query(
      'SELECT vat_rates, city_tax_per_person_night_minor FROM tax_settings WHERE property_id = $1',
      [propertyId],
    );
    if (rows.length === 0) return { ...DEFAULT_TAX_SETTINGS, configured: false };
    return {
      vatRates: mergeVatRates(rows[0].vat_rates),
      cityTaxPerPersonNightMinor: Number(rows[0].city_tax_per_person_night_minor),
      configured: true,
    };
  }

  async view(propertyId: string): Promise<TaxSettingsView> {
    const manager = this.dataSource.manager;
    const [settings, property] = await Promise.all([
      this.settingsFor(manager, propertyId),
      loadBillingProperty(manager, propertyId),
    ]);
    return {
      propertyId,
      vatRates: settings.vatRates,
      cityTaxPerPersonPerNight: {
        amountMinor: settings.cityTaxPerPersonNightMinor,
        currency: property.currency ?? 'EUR',
      },
      configured: settings.configured,
    };
  }

  async update(propertyId: string, input: UpdateTaxSettingsDto, actor: string): Promise<TaxSettingsView> {
    await this.dataSource.transaction(async (manager) => {
      const property = await loadBillingProperty(manager, propertyId);
      const cityTax = input.cityTaxPerPersonPerNight;
      if (cityTax && property.currency && cityTax.currency !== property.currency) {
        throw invalidField('cityTaxPerPersonPerNight.currency', `The property bills in ${property.currency}`);
      }
      // Serialises concurrent changes of one property's settings.
      await manager.query(
        `INSERT INTO tax_settings (property_id, vat_rates, city_tax_per_person_night_minor, updated_by)
         VALUES ($1, '{}', 0, $2) ON CONFLICT (property_id) DO NOTHING`,
        [propertyId, actor],
      );
      await manager.query('SELECT 1 FROM tax_settings WHERE property_id = $1 FOR UPDATE', [propertyId]);
      const current = await this.settingsFor(manager, propertyId);
      const vatRates = { ...current.vatRates, ...(input.vatRates ?? {}) };
      const cityTaxMinor = cityTax?.amountMinor ?? current.cityTaxPerPersonNightMinor;
      await manager.query(
        `UPDATE tax_settings SET vat_rates = $2, city_tax_per_person_night_minor = $3, updated_by = $4,
           updated_at = now() WHERE property_id = $1`,
        [propertyId, JSON.stringify(vatRates), cityTaxMinor, actor],
      );
      await recordAudit(manager, {
        propertyId,
        actor,
        action: 'tax-settings.updated',
        subjectId: propertyId,
        details: { vatRates, cityTaxPerPersonNightMinor: cityTaxMinor },
      });
    });
    return this.view(propertyId);
  }
}
