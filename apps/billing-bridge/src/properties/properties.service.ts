import { invalidField } from '../folios/money-input';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Money, PropertyCreatedV1, PropertyUpdatedV1 } from '@frontoffice/contracts';
import { cursorParameters, NotFoundError, Page, pageLimit, pageOf } from '@frontoffice/platform';
import { DataSource, EntityManager } from 'typeorm';
import { recordAudit } from '../folios/billing-audit';
import { BillingProperty, loadBillingProperty, TillPolicy } from './billing-property';
import { AuditEntryView, AuditQuery, BillingSettingsView, UpdateBillingSettingsDto } from './properties.dto';

function toSettingsView(property: BillingProperty): BillingSettingsView {
  const currency = property.currency ?? 'EUR';
  return {
    propertyId: property.propertyId,
    code: property.code,
    currency,
    timezone: property.timezone,
    businessDate: property.businessDate,
    refundApprovalThreshold: { amountMinor: property.refundApprovalThresholdMinor, currency },
    tillPolicy: property.tillPolicy,
  };
}

/** The local read model of properties (from reservations events) and their billing settings. */
@Injectable()
export class PropertiesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** property.created carries the business date; property.updated keeps the one billing already has. */
  async upsert(manager: EntityManager, data: PropertyCreatedV1 | PropertyUpdatedV1): Promise<void> {
    const businessDate = 'businessDate' in data ? data.businessDate : null;
    await manager.query(
      `INSERT INTO billing_property (property_id, code, name, currency, timezone, country, business_date)
       VALUES ($1, $2, $3, $4, $5, $6, COALESCE($7::date, (now() AT TIME ZONE $5)::date))
       ON CONFLICT (property_id) DO UPDATE SET code = EXCLUDED.code, name = EXCLUDED.name,
         currency = EXCLUDED.currency, timezone = EXCLUDED.timezone, country = EXCLUDED.country,
         business_date = GREATEST(billing_property.business_date, COALESCE($7::date, billing_property.business_date)),
         updated_at = now()`,
      [data.propertyId, data.code, data.name, data.currency, data.timezone, data.country, businessDate],
    );
  }

  /**
   * The night audit closed `businessDate`: the property works on `nextBusinessDate` from now on. Never moves the
   * date backwards (a late or replayed audit changes nothing). Returns the locked property.
   */
  async rollBusinessDate(
    manager: EntityManager,
    propertyId: string,
    nextBusinessDate: string,
    currency: string,
  ): Promise<{ property: BillingProperty; rolled: boolean }> {
    const before = await loadBillingProperty(manager, propertyId, true);
    await manager.query(
      `INSERT INTO billing_property (property_id, code, name, currency, timezone, country, business_date)
       VALUES ($1, 'INV', $4, $2, 'UTC', 'FR', $3)
       ON CONFLICT (property_id) DO UPDATE
         SET business_date = GREATEST(billing_property.business_date, EXCLUDED.business_date), updated_at = now()`,
      [propertyId, currency, nextBusinessDate, `Property ${propertyId}`],
    );
    const property = await loadBillingProperty(manager, propertyId, true);
    return { property, rolled: !before.known || before.businessDate < nextBusinessDate };
  }

  async settings(propertyId: string): Promise<BillingSettingsView> {
    return toSettingsView(await loadBillingProperty(this.dataSource.manager, propertyId));
  }

  async updateSettings(
    propertyId: string,
    input: UpdateBillingSettingsDto,
    actor: string,
  ): Promise<BillingSettingsView> {
    return this.dataSource.transaction(async (manager) => {
      const property = await loadBillingProperty(manager, propertyId, true);
      if (!property.known) throw new NotFoundError('property', propertyId);
      const threshold: Money | undefined = input.refundApprovalThreshold;
      if (threshold && threshold.currency !== property.currency) {
        throw invalidField('refundApprovalThreshold.currency', `The property bills in ${property.currency}`);
      }
      const tillPolicy: TillPolicy = input.tillPolicy ?? property.tillPolicy;
      await manager.query(
        `UPDATE billing_property SET refund_approval_threshold_minor = $2, till_policy = $3, updated_at = now()
         WHERE property_id = $1`,
        [propertyId, threshold?.amountMinor ?? property.refundApprovalThresholdMinor, tillPolicy],
      );
      await recordAudit(manager, {
        propertyId,
        actor,
        action: 'billing-settings.updated',
        subjectId: propertyId,
        details: { ...input },
      });
      return toSettingsView(await loadBillingProperty(manager, propertyId));
    });
  }

  /** Who did what, when and why: refunds, allowances, till closes and variances, settings, invoices. */
  async audit(propertyId: string, query: AuditQuery): Promise<Page<AuditEntryView>> {
    const limit = pageLimit(query);
    const rows: Array<{
      id: string;
      cursor_at: string;
      actor: string;
      action: string;
      subject_id: string;
      reason: string | null;
      details: Record<string, unknown>;
      at: Date;
    }> = await this.dataSource.query(
      `SELECT id, at::text AS cursor_at, actor, action, subject_id, reason, details, at FROM billing_audit
       WHERE property_id = $1 AND ($2::uuid IS NULL OR subject_id = $2) AND ($3::text IS NULL OR action = $3)
         AND ($4::timestamptz IS NULL OR (at, id) < ($4, $5::bigint))
       ORDER BY at DESC, id DESC LIMIT $6`,
      [
        propertyId,
        query.subjectId ?? null,
        query.action ?? null,
        ...cursorParameters(query.cursor, ['timestamp', 'int']),
        limit + 1,
      ],
    );
    return pageOf(
      rows,
      limit,
      (row) => [row.cursor_at, Number(row.id)],
      (row) => ({
        actor: row.actor,
        action: row.action,
        subjectId: row.subject_id,
        reason: row.reason ?? undefined,
        details: row.details,
        at: row.at.toISOString(),
      }),
    );
  }
}
