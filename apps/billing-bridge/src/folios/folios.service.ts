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
  CorrelationContext,
  currentCorrelation,
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
  adjustBalances,
  assertCurrency,
  assertFolioOpen,
  findFolios,
  FolioRecord,
  FolioRow,
  lockFolio,
  lockFolioForCharge,
  lockFoliosForCharge,
  openFolioWindow,
  renameFolioGuest,
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

/** One posting to write with `postMany`; `correlation` names its cause when it is not the work in progress. */
export interface PostingRequest {
  folio: FolioRecord;
  draft: PostingDraft;
  origin: PostingOrigin;
  meta: PostingMeta;
  correlation?: CorrelationContext;
}

function postingMatches(row: PostingRow, { folio, draft, origin, meta }: PostingRequest): boolean {
  return (
    row.folio_id === folio.id &&
    row.source === origin.source &&
    row.source_ref === (origin.sourceRef ?? null) &&
    row.kind === draft.kind &&
    row.charge_type === draft.chargeType &&
    Number(row.amount_minor) === draft.amount &&
    row.description === meta.description &&
    row.business_date === meta.businessDate
  );
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
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

  /**
   * Every reservation gets its guest folio, opened at zero in the booking's currency under `guestName` (the name
   * billing holds for the booking, see ReservationPositionsRepository); once per reservation.
   */
  async openForReservation(
    manager: EntityManager,
    event: EventEnvelope<ReservationCreatedV1>,
    guestName: string,
  ): Promise<void> {
    const reservation = event.data;
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO folio (property_id, reservation_id, confirmation_number, guest_name, status, currency, balance_minor)
       VALUES ($1, $2, $3, $4, 'open', $5, 0) ON CONFLICT (reservation_id, window_number) DO NOTHING RETURNING id`,
      [
        event.propertyId,
        reservation.reservationId,
        reservation.confirmationNumber,
        guestName,
        reservation.totalPrice.currency,
      ],
    );
    if (rows.length === 0) return;
    const [folio] = await findFolios(manager, 'id = $1', [rows[0].id]);
    await this.announceOpened(manager, folio);
  }

  /** The booking's guest is now called `guestName` on its folios that are still open or due. */
  async renameGuest(manager: EntityManager, propertyId: string, reservationId: string, guestName: string) {
    await renameFolioGuest(manager, propertyId, reservationId, guestName);
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
    const [posting] = await this.postMany(manager, [{ folio, draft, origin, meta }]);
    return posting;
  }

  /**
   * `post` for many postings at once, in set-based statements: one insert for the rows, one update for the
   * balances, the journal's two inserts and one outbox insert, whatever their number. Results are in the given
   * order; undefined where the source record was already posted.
   */
  async postMany(manager: EntityManager, requests: PostingRequest[]): Promise<Array<PostingView | undefined>> {
    if (requests.length === 0) return [];
    const rows: PostingRow[] = await manager.query(
      `INSERT INTO posting (property_id, folio_id, reservation_id, kind, charge_type, source, source_ref, description,
         reason_code, currency, amount_minor, net_minor, vat_minor, city_tax_minor, vat_rate_bp, business_date,
         corrects_posting_id, posted_by)
       SELECT property_id, folio_id, reservation_id, kind, charge_type, source, source_ref, description, reason_code,
              currency, amount_minor, net_minor, vat_minor, city_tax_minor, vat_rate_bp, business_date,
              corrects_posting_id, posted_by
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                     $9::text[], $10::text[], $11::bigint[], $12::bigint[], $13::bigint[], $14::bigint[], $15::int[],
                     $16::date[], $17::uuid[], $18::text[]) WITH ORDINALITY
              AS p (property_id, folio_id, reservation_id, kind, charge_type, source, source_ref, description,
                    reason_code, currency, amount_minor, net_minor, vat_minor, city_tax_minor, vat_rate_bp,
                    business_date, corrects_posting_id, posted_by, position)
        ORDER BY position
       ON CONFLICT DO NOTHING RETURNING ${POSTING_COLUMNS}`,
      [
        requests.map(({ folio }) => folio.propertyId),
        requests.map(({ folio }) => folio.id),
        requests.map(({ folio }) => folio.reservationId),
        requests.map(({ draft }) => draft.kind),
        requests.map(({ draft }) => draft.chargeType),
        requests.map(({ origin }) => origin.source),
        requests.map(({ origin }) => origin.sourceRef ?? null),
        requests.map(({ meta }) => meta.description),
        requests.map(({ meta }) => meta.reasonCode ?? null),
        requests.map(({ folio }) => folio.currency),
        requests.map(({ draft }) => draft.amount),
        requests.map(({ draft }) => draft.net),
        requests.map(({ draft }) => draft.vat),
        requests.map(({ draft }) => draft.cityTax),
        requests.map(({ draft }) => draft.vatRateBasisPoints),
        requests.map(({ meta }) => meta.businessDate),
        requests.map(({ meta }) => meta.correctsPostingId ?? null),
        requests.map(({ meta }) => meta.postedBy),
      ],
    );
    // Rows come back in no promised order: match them to their requests by what identifies a posting.
    const unclaimed = [...rows];
    const written = requests.map((request) => {
      const index = unclaimed.findIndex((row) => postingMatches(row, request));
      return index < 0 ? undefined : { request, row: unclaimed.splice(index, 1)[0] };
    });
    const posted = written.filter((entry): entry is { request: PostingRequest; row: PostingRow } => !!entry);
    if (posted.length === 0) return requests.map(() => undefined);

    const deltas = new Map<string, number>();
    for (const { request } of posted) {
      deltas.set(request.folio.id, (deltas.get(request.folio.id) ?? 0) + request.draft.amount);
    }
    await adjustBalances(manager, deltas);
    await this.journal.recordMany(
      manager,
      posted.map(({ request: { folio, draft, meta }, row }) => {
        const sign = draft.kind === 'charge' ? 1 : -1;
        return {
          kind: draft.kind,
          propertyId: folio.propertyId,
          businessDate: meta.businessDate,
          currency: folio.currency,
          sourceId: row.id,
          label: `${folio.confirmationNumber} ${meta.description}`.slice(0, 200),
          folioId: folio.id,
          accountHolder: folio.guestName,
          department: departmentOf(draft.chargeType),
          net: sign * draft.net,
          vat: sign * draft.vat,
          cityTax: sign * draft.cityTax,
        };
      }),
    );
    const views = new Map(posted.map(({ request, row }) => [request, toPostingView(row)]));
    await this.outbox.addMany(
      manager,
      posted.map(({ request }) => {
        const view = views.get(request)!;
        const { folio } = request;
        return this.outbox.prepare(
          'folio.charge-posted',
          {
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
          },
          request.correlation ?? currentCorrelation(),
        );
      }),
    );
    return requests.map((request) => views.get(request));
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

  /**
   * Room and tax of each stay-night, once per (reservation, business date) whatever the event id. The room nights of a night audit, many at once in set-based statements (a 1,000-room hotel posts a thousand in
   * a minute). Each stays once per (reservation, business date); `correlationOf` gives each posting's cause.
   */
  async postRoomNights(
    manager: EntityManager,
    events: EventEnvelope<NightAuditRoomNightPostedV1>[],
    correlationOf: (event: EventEnvelope) => CorrelationContext | undefined,
  ): Promise<void> {
    const refOf = (event: EventEnvelope<NightAuditRoomNightPostedV1>) =>
      `${event.data.reservationId}:${event.data.businessDate}`;
    const posted: { source_ref: string }[] = await manager.query(
      `SELECT source_ref FROM posting WHERE source = 'night_audit' AND source_ref = ANY($1::text[])`,
      [events.map(refOf)],
    );
    const seen = new Set(posted.map((row) => row.source_ref));
    const pending = events.filter((event) => !seen.has(refOf(event)) && seen.add(refOf(event)));
    const requests: PostingRequest[] = [];
    for (const [propertyId, nights] of groupBy(pending, (event) => event.propertyId)) {
      const folios = await lockFoliosForCharge(
        manager,
        propertyId,
        [...new Set(nights.map((event) => event.data.reservationId))],
        'room',
      );
      const taxes = await this.taxes.settingsFor(manager, propertyId);
      for (const event of nights) {
        const night = event.data;
        const found = folios.get(night.reservationId);
        // Thrown so the platform retries (the reservation's folio may still be on its way) and then dead-letters.
        if (!found) throw new Error(`No folio for reservation ${night.reservationId} of property ${propertyId} yet`);
        if (found.opened) {
          await this.announceOpened(manager, found.folio);
          found.opened = false;
        }
        assertCurrency(found.folio, night.rate.currency, 'rate.currency');
        requests.push({
          folio: found.folio,
          draft: chargeDraft(
            'room',
            night.rate.amountMinor,
            taxes.vatRates.room,
            cityTaxForNight(taxes.cityTaxPerPersonNightMinor, night.adults),
          ),
          origin: { source: 'night_audit', sourceRef: refOf(event) },
          meta: {
            description: `Room ${night.roomNumber} (${night.roomTypeCode}), night of ${night.businessDate}`,
            businessDate: night.businessDate,
            postedBy: 'night-audit',
          },
          correlation: correlationOf(event),
        });
      }
    }
    await this.postMany(manager, requests);
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
