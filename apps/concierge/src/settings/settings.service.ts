import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { iso } from '../common/desk-roles';
import { ConciergeSettings, DEFAULT_FALLBACK_LANGUAGE, effectiveHasPorters, slaPolicy } from './settings-rules';
import { SettingsView, UpdateSettingsDto } from './settings.dto';

interface SettingsRow {
  property_id: string;
  property_name: string | null;
  timezone: string;
  currency: string | null;
  has_porters: boolean | null;
  fallback_language: string;
  sla_minutes: Record<string, number>;
  updated_by: string | null;
  updated_at: Date | null;
}

/** Per-property concierge settings, with sensible defaults for a property nobody configured yet. */
@Injectable()
export class SettingsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(propertyId: string, manager: EntityManager = this.dataSource.manager): Promise<ConciergeSettings> {
    const rows: SettingsRow[] = await manager.query('SELECT * FROM concierge_settings WHERE property_id = $1', [
      propertyId,
    ]);
    const row = rows[0];
    return {
      propertyId,
      propertyName: row?.property_name ?? null,
      timezone: row?.timezone ?? 'UTC',
      currency: row?.currency ?? null,
      hasPorters: row?.has_porters ?? null,
      fallbackLanguage: row?.fallback_language ?? DEFAULT_FALLBACK_LANGUAGE,
      slaMinutes: slaPolicy(row?.sla_minutes),
      updatedBy: row?.updated_by ?? null,
      updatedAt: iso(row?.updated_at) ?? null,
    };
  }

  async hasPorters(propertyId: string, manager: EntityManager): Promise<boolean> {
    const settings = await this.get(propertyId, manager);
    if (settings.hasPorters !== null) return settings.hasPorters;
    const rows: { count: string }[] = await manager.query(
      `SELECT count(*) AS count FROM employee WHERE property_id = $1 AND active AND 'porter' = ANY(roles)`,
      [propertyId],
    );
    return effectiveHasPorters(null, Number(rows[0].count));
  }

  async view(propertyId: string, manager: EntityManager = this.dataSource.manager): Promise<SettingsView> {
    const settings = await this.get(propertyId, manager);
    return {
      propertyId,
      propertyName: settings.propertyName,
      timezone: settings.timezone,
      currency: settings.currency,
      hasPorters: await this.hasPorters(propertyId, manager),
      hasPortersSetting: settings.hasPorters,
      fallbackLanguage: settings.fallbackLanguage,
      slaMinutes: settings.slaMinutes,
      updatedBy: settings.updatedBy,
      updatedAt: settings.updatedAt,
    };
  }

  /** The front office manager's change; only the fields given are changed. */
  update(propertyId: string, input: UpdateSettingsDto, actor: string): Promise<SettingsView> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('INSERT INTO concierge_settings (property_id) VALUES ($1) ON CONFLICT DO NOTHING', [
        propertyId,
      ]);
      const rows: SettingsRow[] = await manager.query(
        'SELECT * FROM concierge_settings WHERE property_id = $1 FOR UPDATE',
        [propertyId],
      );
      const sla = { ...(rows[0].sla_minutes ?? {}), ...stripUndefined(input.slaMinutes ?? {}) };
      await manager.query(
        `UPDATE concierge_settings
            SET has_porters = CASE WHEN $2::boolean IS NULL THEN has_porters ELSE $2 END,
                fallback_language = COALESCE($3, fallback_language),
                sla_minutes = $4::jsonb, updated_by = $5, updated_at = now()
          WHERE property_id = $1`,
        [propertyId, input.hasPorters ?? null, input.fallbackLanguage ?? null, JSON.stringify(sla), actor],
      );
      return this.view(propertyId, manager);
    });
  }

  /** The property's name, time zone and currency, from reservations' property events. */
  async recordProperty(
    manager: EntityManager,
    propertyId: string,
    property: { name: string; timezone: string; currency: string },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO concierge_settings (property_id, property_name, timezone, currency) VALUES ($1, $2, $3, $4)
       ON CONFLICT (property_id) DO UPDATE SET property_name = EXCLUDED.property_name, timezone = EXCLUDED.timezone,
         currency = EXCLUDED.currency`,
      [propertyId, property.name, property.timezone, property.currency],
    );
  }
}

function stripUndefined(input: object): Record<string, number> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as Record<string, number>;
}
