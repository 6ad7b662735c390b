import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ChartOverrides, ChartOfAccounts, resolveChart } from './chart-of-accounts';

export interface JournalSettings {
  propertyId: string;
  siren: string | null;
  companyName: string | null;
  chart: ChartOfAccounts;
  overrides: ChartOverrides;
  updatedBy: string | null;
  updatedAt: Date | null;
}

interface SettingsRow {
  property_id: string;
  siren: string | null;
  company_name: string | null;
  accounts: ChartOverrides['accounts'];
  journals: ChartOverrides['journals'];
  updated_by: string;
  updated_at: Date;
}

/** The per-property chart of accounts (overrides of the PCG defaults) and legal identity (SIREN). */
@Injectable()
export class JournalSettingsRepository {
  async find(manager: EntityManager, propertyId: string): Promise<JournalSettings> {
    const rows: SettingsRow[] = await manager.query('SELECT * FROM journal_settings WHERE property_id = $1', [
      propertyId,
    ]);
    const row = rows[0];
    const overrides: ChartOverrides = { accounts: row?.accounts ?? {}, journals: row?.journals ?? {} };
    return {
      propertyId,
      siren: row?.siren ?? null,
      companyName: row?.company_name ?? null,
      chart: resolveChart(overrides),
      overrides,
      updatedBy: row?.updated_by ?? null,
      updatedAt: row?.updated_at ?? null,
    };
  }

  /** Merges the given fields into the property's settings (absent fields keep their value). */
  async upsert(
    manager: EntityManager,
    propertyId: string,
    change: { siren?: string; companyName?: string; overrides: ChartOverrides },
    updatedBy: string,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO journal_settings (property_id, siren, company_name, accounts, journals, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (property_id) DO UPDATE SET
         siren = COALESCE(EXCLUDED.siren, journal_settings.siren),
         company_name = COALESCE(EXCLUDED.company_name, journal_settings.company_name),
         accounts = journal_settings.accounts || EXCLUDED.accounts,
         journals = journal_settings.journals || EXCLUDED.journals,
         updated_by = EXCLUDED.updated_by,
         updated_at = now()`,
      [
        propertyId,
        change.siren ?? null,
        change.companyName ?? null,
        JSON.stringify(change.overrides.accounts ?? {}),
        JSON.stringify(change.overrides.journals ?? {}),
        updatedBy,
      ],
    );
  }
}
