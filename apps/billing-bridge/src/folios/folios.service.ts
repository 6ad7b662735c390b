import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  ChargeType,
  ConciergeCompensationGrantedV1,
  ConciergeServiceChargedV1,
  EventEnvelope,
  NightAuditRoomNightPostedV1,
  ReservationCreatedV1,
} from '@frontoffice/contracts';
import {
  ConflictError,
  cursorParameters,
  NotFoundError,
  OutboxService,
  Page,
  pageLimit,
  pageOf,
} from '@frontoffice/platform';
import { DataSource, EntityManager } from 'typeorm';
import { JournalService } from '../journal/journal.service';
import { loadBillingProperty } from '../properties/billing-property';
import { departmentOf } from '../taxes/tax-rates';
import { cityTaxForNight } from '../taxes/tax-split';
import { TaxesService } from '../taxes/taxes.service';
import { recordAudit } from './billing-audit';
import {
  adjustBalance,
  assertCurrency,
  assertFolioOpen,
  findFolios,
  FolioRecord,
  FolioRow,
  lockFolio,
  lockFolioForCharge,
  openFolioWindow,
  toFolioRecord,
} from './folio-store';
import {
  CreateAllowanceDto,
  CreateChargeDto,
  CreateFolioDto,
  FolioQuery,
  FolioDetailView,
  FolioView,
  PostingView,
} from './folios.dto';
import { PAYMENT_SELECT, PaymentRow, toPaymentView } from '../payments/payment-view';
import { allowanceDraft, chargeDraft, correctionDraft, PostingDraft, PostingOrigin } from './postings';

interface PostingRow {
  id: string;
  folio_id: string;
  reservation_id: string;
  kind: 'charge' | 'allowance';
  charge_type: ChargeType;
  source: PostingOrigin['source'];
  source_ref: string | null;
  description: string;
  reason_code: string | null;
  currency: string;
  amount_minor: string;
  net_minor: string;
  vat_minor: string;
  city_tax_minor: string;
  vat_rate_bp: number;
  business_date: string;
  corrects_posting_id: string | null;
  posted_by: string;
  created_at: Date;
}

export interface PostingMeta {
  description: string;
  reasonCode?: string;
  businessDate: string;
  postedBy: string;
  correctsPostingId?: string;
}

export function toFolioView(folio: FolioRecord): FolioView {
  return {
    id: folio.id,
    propertyId: folio.propertyId,
    reservationId: folio.reservationId,
    confirmationNumber: folio.confirmationNumber,
    guestName: folio.guestName,
    window: folio.windowNumber,
    label: folio.label ?? undefined,
    cityLedgerAccountId: folio.cityLedgerAccountId ?? undefined,
    status: folio.status,
    balance: { amountMinor: folio.balanceMinor, currency: folio.currency },
    openedAt: folio.openedAt.toISOString(),
    invoiceId: folio.invoiceId ?? undefined,
  };
}

function toPostingView(row: PostingRow): PostingView {
  const currency = row.currency.trim();
  const money = (value: string) => ({ amountMinor: Number(value), currency });
  return {
    id: row.id,
    folioId: row.folio_id,
    kind: row.kind,
    chargeType: row.charge_type,
    source: row.source,
    description: row.description,
    reasonCode: row.reason_code ?? undefined,
    amount: money(row.amount_minor),
    net: money(row.net_minor),
    vat: money(row.vat_minor),
    cityTax: money(row.city_tax_minor),
    vatRateBasisPoints: row.vat_rate_bp,
    businessDate: row.business_date,
    correctsPostingId: row.corrects_posting_id ?? undefined,
    postedBy: row.posted_by,
    postedAt: row.created_at.toISOString(),
  };
}

function draftOf(row: PostingRow): PostingDraft {
  return {
    kind: row.kind,
    chargeType: row.charge_type,
    amount: Number(row.amount_minor),
    net: Number(row.net_minor),
    vat: Number(row.vat_minor),
    cityTax: Number(row.city_tax_minor),
    vatRateBasisPoints: row.vat_rate_bp,
  };
}

const POSTING_COLUMNS = `*, business_date::text AS business_date`;

/**
 * Folios and what is posted to them. Every posting moves the folio balance, records its financial fact in the
 * journal and announces `folio.charge-posted`, all in the caller's transaction; a source record (room night,
 * concierge charge, compensation) posts at most once, by a unique index.
 */
@Injectable()
export class FoliosService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly journal: JournalService,
    private readonly taxes: TaxesService,
  ) {}

  /** Every reservation gets its guest folio, opened at zero in the booking's currency; once per reservation. */
  async openForReservation(manager: EntityManager, event: EventEnvelope<ReservationCreatedV1>): Promise<void> {
    const reservation = event.data;
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO folio (property_id, reservation_id, confirmation_number, guest_name, status, currency, balance_minor)
       VALUES ($1, $2, $3, $4, 'open', $5, 0) ON CONFLICT (reservation_id, window_number) DO NOTHING RETURNING id`,
      [
        event.propertyId,
        reservation.reservationId,
        reservation.confirmationNumber,
        `${reservation.guest.firstName} ${reservation.guest.lastName}`,
        reservation.totalPrice.currency,
      ],
    );
    if (rows.length === 0) return;
    const [folio] = await findFolios(manager, 'id = $1', [rows[0].id]);
    await this.announceOpened(manager, folio);
  }

  private async announceOpened(manager: EntityManager, folio: FolioRecord): Promise<void> {
    await this.outbox.publish(manager, 'folio.opened', {
      propertyId: folio.propertyId,
      subject: folio.id,
      data: {
        folioId: folio.id,
        reservationId: folio.reservationId,
        status: 'open',
        balance: { amountMinor: folio.balanceMinor, currency: folio.currency },
      },
    });
  }

  /** A further folio for the stay, e.g. the company's, with the charge types routed to it from now on. */
  async createFolio(propertyId: string, input: CreateFolioDto, actor: string): Promise<FolioView> {
    return this.dataSource.transaction(async (manager) => {
      const existing = await findFolios(
        manager,
        'property_id = $1 AND reservation_id = $2',
        [propertyId, input.reservationId],
        true,
      );
      if (existing.length === 0) throw new NotFoundError('reservation', input.reservationId);
      if (input.cityLedgerAccountId) {
        const accounts: unknown[] = await manager.query(
          'SELECT 1 FROM city_ledger_account WHERE id = $1 AND property_id = $2 AND active',
          [input.cityLedgerAccountId, propertyId],
        );
        if (accounts.length === 0) throw new NotFoundError('city-ledger-account', input.cityLedgerAccountId);
      }
      const folio = await openFolioWindow(manager, existing[0], {
        label: input.label,
        cityLedgerAccountId: input.cityLedgerAccountId,
      });
      for (const chargeType of new Set(input.chargeTypes ?? [])) {
        await manager.query(
          `INSERT INTO folio_routing_rule (reservation_id, charge_type, property_id, folio_id) VALUES ($1, $2, $3, $4)
           ON CONFLICT (reservation_id, charge_type) DO UPDATE SET folio_id = EXCLUDED.folio_id`,
          [input.reservationId, chargeType, propertyId, folio.id],
        );
      }
      await recordAudit(manager, {
        propertyId,
        actor,
        action: 'folio.window-opened',
        subjectId: folio.id,
        details: { reservationId: input.reservationId, chargeTypes: input.chargeTypes ?? [] },
      });
      await this.announceOpened(manager, folio);
      return toFolioView(folio);
    });
  }

  /** In the order they were opened (then window, then id), optionally those of one reservation. */
  async list(propertyId: string, query: FolioQuery): Promise<Page<FolioView>> {
    const limit = pageLimit(query);
    const rows: (FolioRow & { cursor_at: string })[] = await this.dataSource.query(
      `SELECT *, opened_at::text AS cursor_at FROM folio
       WHERE property_id = $1 AND ($2::uuid IS NULL OR reservation_id = $2)
         AND ($3::timestamptz IS NULL OR (opened_at, window_number, id) > ($3, $4::int, $5::uuid))
       ORDER BY opened_at, window_number, id LIMIT $6`,
      [
        propertyId,
        query.reservationId ?? null,
        ...cursorParameters(query.cursor, ['timestamp', 'int', 'uuid']),
        limit + 1,
      ],
    );
    return pageOf(
      rows,
      limit,
      (row) => [row.cursor_at, Number(row.window_number), row.id],
      (row) => toFolioView(toFolioRecord(row)),
    );
  }

  async get(propertyId: string, folioId: string): Promise<FolioDetailView> {
    const manager = this.dataSource.manager;
    const [folio] = await findFolios(manager, 'id = $1 AND property_id = $2', [folioId, propertyId]);
    if (!folio) throw new NotFoundError('folio', folioId);
    const postings: PostingRow[] = await manager.query(
      `SELECT ${POSTING_COLUMNS} FROM posting WHERE folio_id = $1 ORDER BY seq`,
      [folioId],
    );
    const payments: PaymentRow[] = await manager.query(`${PAYMENT_SELECT} WHERE folio_id = $1 ORDER BY seq`, [folioId]);
    const routing: { charge_type: string }[] = await manager.query(
      'SELECT charge_type FROM folio_routing_rule WHERE folio_id = $1 ORDER BY charge_type',
      [folioId],
    );
    return {
      ...toFolioView(folio),
      routedChargeTypes: routing.map((rule) => rule.charge_type),
      postings: postings.map(toPostingView),
      payments: payments.map(toPaymentView),
    };
  }

  /**
   * Writes one posting on a locked folio: the row (at most once per source record), the balance, the journal fact
   * and the event. Returns undefined when the source record was already posted.
   */
  async post(
    manager: EntityManager,
    folio: FolioRecord,
    draft: PostingDraft,
    origin: PostingOrigin,
    meta: PostingMeta,
  ): Promise<PostingView | undefined> {
    const rows: PostingRow[] = await manager.query(
      `INSERT INTO posting (property_id, folio_id, reservation_id, kind, charge_type, source, source_ref, description,
         reason_code, currency, amount_minor, net_minor, vat_minor, city_tax_minor, vat_rate_bp, business_date,
         corrects_posting_id, posted_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
       ON CONFLICT DO NOTHING RETURNING ${POSTING_COLUMNS}`,
      [
        folio.propertyId,
        folio.id,
        folio.reservationId,
        draft.kind,
        draft.chargeType,
        origin.source,
        origin.sourceRef ?? null,
        meta.description,
        meta.reasonCode ?? null,
        folio.currency,
        draft.amount,
        draft.net,
        draft.vat,
        draft.cityTax,
        draft.vatRateBasisPoints,
        meta.businessDate,
        meta.correctsPostingId ?? null,
        meta.postedBy,
      ],
    );
    if (rows.length === 0) return undefined;
    const posting = rows[0];
    await adjustBalance(manager, folio.id, draft.amount);
    const sign = draft.kind === 'charge' ? 1 : -1;
    await this.journal.record(manager, {
      kind: draft.kind,
      propertyId: folio.propertyId,
      businessDate: meta.businessDate,
      currency: folio.currency,
      sourceId: posting.id,
      label: `${folio.confirmationNumber} ${meta.description}`.slice(0, 200),
      folioId: folio.id,
      accountHolder: folio.guestName,
      department: departmentOf(draft.chargeType),
      net: sign * draft.net,
      vat: sign * draft.vat,
      cityTax: sign * draft.cityTax,
    });
    const view = toPostingView(posting);
    await this.outbox.publish(manager, 'folio.charge-posted', {
      propertyId: folio.propertyId,
      subject: folio.id,
      data: {
        postingId: view.id,
        folioId: folio.id,
        reservationId: folio.reservationId,
        kind: view.kind,
        chargeType: view.chargeType,
        source: view.source,
        description: view.description,
        amount: view.amount,
        net: view.net,
        vat: view.vat,
        cityTax: view.cityTax,
        vatRateBasisPoints: view.vatRateBasisPoints,
        businessDate: view.businessDate,
        ...(view.reasonCode ? { reasonCode: view.reasonCode } : {}),
        postedBy: view.postedBy,
      },
    });
    return view;
  }

  private async alreadyPosted(manager: EntityManager, origin: PostingOrigin): Promise<boolean> {
    const rows: unknown[] = await manager.query('SELECT 1 FROM posting WHERE source = $1 AND source_ref = $2', [
      origin.source,
      origin.sourceRef,
    ]);
    return rows.length > 0;
  }

  private async folioForEvent(
    manager: EntityManager,
    propertyId: string,
    reservationId: string,
    chargeType: ChargeType,
  ): Promise<FolioRecord> {
    const found = await lockFolioForCharge(manager, propertyId, reservationId, chargeType);
    // Thrown so the platform retries (the reservation's folio may still be on its way) and then dead-letters.
    if (!found) throw new Error(`No folio for reservation ${reservationId} of property ${propertyId} yet`);
    if (found.opened) await this.announceOpened(manager, found.folio);
    return found.folio;
  }

  /** Room and tax of one stay-night, once per (reservation, business date) whatever the event id. */
  async postRoomNight(manager: EntityManager, event: EventEnvelope<NightAuditRoomNightPostedV1>): Promise<void> {
    const night = event.data;
    const already: unknown[] = await manager.query(
      `SELECT 1 FROM posting WHERE reservation_id = $1 AND business_date = $2 AND source = 'night_audit'`,
      [night.reservationId, night.businessDate],
    );
    if (already.length > 0) return;
    const folio = await this.folioForEvent(manager, event.propertyId, night.reservationId, 'room');
    assertCurrency(folio, night.rate.currency, 'rate.currency');
    const taxes = await this.taxes.settingsFor(manager, event.propertyId);
    const draft = chargeDraft(
      'room',
      night.rate.amountMinor,
      taxes.vatRates.room,
      cityTaxForNight(taxes.cityTaxPerPersonNightMinor, night.adults),
    );
    await this.post(
      manager,
      folio,
      draft,
      { source: 'night_audit', sourceRef: `${night.reservationId}:${night.businessDate}` },
      {
        description: `Room ${night.roomNumber} (${night.roomTypeCode}), night of ${night.businessDate}`,
        businessDate: night.businessDate,
        postedBy: 'night-audit',
      },
    );
  }

  /** An extra sold by the concierge, once per chargeId. */
  async postServiceCharge(manager: EntityManager, event: EventEnvelope<ConciergeServiceChargedV1>): Promise<void> {
    const charge = event.data;
    const origin: PostingOrigin = { source: 'concierge', sourceRef: charge.chargeId };
    if (await this.alreadyPosted(manager, origin)) return;
    const folio = await this.folioForEvent(manager, event.propertyId, charge.reservationId, charge.chargeType);
    assertCurrency(folio, charge.amount.currency, 'amount.currency');
    const taxes = await this.taxes.settingsFor(manager, event.propertyId);
    const businessDate = charge.businessDate ?? (await loadBillingProperty(manager, event.propertyId)).businessDate;
    await this.post(
      manager,
      folio,
      chargeDraft(charge.chargeType, charge.amount.amountMinor, taxes.vatRates[charge.chargeType]),
      origin,
      { description: charge.description, businessDate, postedBy: charge.chargedBy },
    );
  }

  /** A compensation the front office manager granted on a complaint, once per compensationId. */
  async postCompensation(manager: EntityManager, event: EventEnvelope<ConciergeCompensationGrantedV1>): Promise<void> {
    const compensation = event.data;
    const origin: PostingOrigin = { source: 'compensation', sourceRef: compensation.compensationId };
    if (await this.alreadyPosted(manager, origin)) return;
    // An allowance is taken off the room revenue; a free service off amenities.
    const chargeType: ChargeType = compensation.kind === 'allowance' ? 'room' : 'amenity';
    const folio = await this.folioForEvent(manager, event.propertyId, compensation.reservationId, chargeType);
    assertCurrency(folio, compensation.amount.currency, 'amount.currency');
    if (compensation.amount.amountMinor <= 0) return;
    const taxes = await this.taxes.settingsFor(manager, event.propertyId);
    const { businessDate } = await loadBillingProperty(manager, event.propertyId);
    const posting = await this.post(
      manager,
      folio,
      allowanceDraft(chargeType, compensation.amount.amountMinor, taxes.vatRates[chargeType]),
      origin,
      {
        description: compensation.description.slice(0, 200),
        reasonCode: 'complaint',
        businessDate,
        postedBy: compensation.approvedBy,
      },
    );
    if (posting) {
      await recordAudit(manager, {
        propertyId: event.propertyId,
        actor: compensation.approvedBy,
        action: 'folio.compensation-posted',
        subjectId: posting.id,
        reason: compensation.description,
        details: { complaintId: compensation.complaintId, compensationId: compensation.compensationId },
      });
    }
  }

  /** A charge the desk posts by hand (late check-out, damage, phone...), on the folio it chose. */
  async postManualCharge(
    propertyId: string,
    folioId: string,
    input: CreateChargeDto,
    actor: string,
  ): Promise<PostingView> {
    return this.dataSource.transaction(async (manager) => {
      const folio = await lockFolio(manager, propertyId, folioId);
      assertFolioOpen(folio);
      assertCurrency(folio, input.amount.currency, 'amount.currency');
      const taxes = await this.taxes.settingsFor(manager, propertyId);
      const { businessDate } = await loadBillingProperty(manager, propertyId);
      const posting = await this.post(
        manager,
        folio,
        chargeDraft(input.chargeType, input.amount.amountMinor, taxes.vatRates[input.chargeType]),
        { source: 'desk' },
        { description: input.description, reasonCode: input.reasonCode, businessDate, postedBy: actor },
      );
      await recordAudit(manager, {
        propertyId,
        actor,
        action: 'folio.charge-posted',
        subjectId: posting!.id,
        reason: input.reasonCode,
        details: { folioId, chargeType: input.chargeType, amountMinor: input.amount.amountMinor },
      });
      return posting!;
    });
  }

  /**
   * An allowance (a goodwill reduction of `amount` at the charge type's VAT rate) or a correction (the exact
   * reversal of one charge, once). Front office manager only, always with a reason, audited.
   */
  async postAllowance(
    propertyId: string,
    folioId: string,
    input: CreateAllowanceDto,
    actor: string,
  ): Promise<PostingView> {
    return this.dataSource.transaction(async (manager) => {
      const folio = await lockFolio(manager, propertyId, folioId);
      assertFolioOpen(folio);
      const { businessDate } = await loadBillingProperty(manager, propertyId);
      let draft: PostingDraft;
      let origin: PostingOrigin;
      let description: string;
      if (input.correctsPostingId) {
        const originals: PostingRow[] = await manager.query(
          `SELECT ${POSTING_COLUMNS} FROM posting WHERE id = $1 AND folio_id = $2`,
          [input.correctsPostingId, folioId],
        );
        const original = originals[0];
        if (!original) throw new NotFoundError('posting', input.correctsPostingId);
        if (original.kind !== 'charge') {
          throw new ConflictError('posting-not-a-charge', 'Only a charge can be corrected', {
            postingId: original.id,
          });
        }
        draft = correctionDraft(draftOf(original));
        origin = { source: 'correction', sourceRef: `correction:${original.id}` };
        description = `Correction of: ${original.description}`.slice(0, 200);
      } else {
        // The DTO requires chargeType and amount when no posting is corrected.
        assertCurrency(folio, input.amount!.currency, 'amount.currency');
        const taxes = await this.taxes.settingsFor(manager, propertyId);
        draft = allowanceDraft(input.chargeType!, input.amount!.amountMinor, taxes.vatRates[input.chargeType!]);
        origin = { source: 'desk' };
        description = (input.description ?? `Allowance: ${input.reason}`).slice(0, 200);
      }
      const posting = await this.post(manager, folio, draft, origin, {
        description,
        reasonCode: input.reasonCode,
        businessDate,
        postedBy: actor,
        correctsPostingId: input.correctsPostingId,
      });
      if (!posting) {
        throw new ConflictError(
          'posting-already-corrected',
          `Posting ${input.correctsPostingId} was already corrected`,
          {
            postingId: input.correctsPostingId,
          },
        );
      }
      await recordAudit(manager, {
        propertyId,
        actor,
        action: input.correctsPostingId ? 'folio.correction-posted' : 'folio.allowance-posted',
        subjectId: posting.id,
        reason: input.reason,
        details: { folioId, amountMinor: posting.amount.amountMinor, correctsPostingId: input.correctsPostingId },
      });
      return posting;
    });
  }
}
