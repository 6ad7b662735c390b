import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ChartOverrides } from './chart-of-accounts';
import type { JournalSettingsView, UpdateJournalSettingsDto } from './journal.dto';
import { JournalSettings, JournalSettingsRepository } from './journal-settings.repository';

function toView(settings: JournalSettings): JournalSettingsView {
  return {
    propertyId: settings.propertyId,
    siren: settings.siren,
    companyName: settings.companyName,
    chart: settings.chart,
    updatedBy: settings.updatedBy,
    updatedAt: settings.updatedAt?.toISOString() ?? null,
  };
}

/** The property's chart of accounts and SIREN, as the front office manager or finance set them. */
@Injectable()
export class JournalSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: JournalSettingsRepository,
  ) {}

  async get(propertyId: string): Promise<JournalSettingsView> {
    return toView(await this.settings.find(this.dataSource.manager, propertyId));
  }

  /**
   * Changes the accounts and journals new lines are booked to (lines already written keep theirs) and the SIREN.
   * Who changed what, and from what, is audited in the same transaction.
   */
  async update(propertyId: string, input: UpdateJournalSettingsDto, actor: string): Promise<JournalSettingsView> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('journal-settings:' || $1, 0))`, [propertyId]);
      const before = await this.settings.find(manager, propertyId);
      const overrides: ChartOverrides = {
        accounts: { ...input.accounts },
        journals: { ...input.journals },
      };
      await this.settings.upsert(
        manager,
        propertyId,
        { siren: input.siren, companyName: input.companyName, overrides },
        actor,
      );
      const after = await this.settings.find(manager, propertyId);
      await manager.query(
        `INSERT INTO journal_settings_audit (property_id, actor, before, after) VALUES ($1, $2, $3, $4)`,
        [
          propertyId,
          actor,
          JSON.stringify({ siren: before.siren, companyName: before.companyName, chart: before.chart }),
          JSON.stringify({ siren: after.siren, companyName: after.companyName, chart: after.chart }),
        ],
      );
      return toView(after);
    });
  }
}
