import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Money, NightAuditCompletedV1 } from '@frontoffice/contracts';
import { DataSource } from 'typeorm';
import type { FlashDepartmentView, FlashPaymentMethodView, FlashReportView } from './finance.dto';
import { roomKpis } from './flash';

const PAYMENT_METHOD_ORDER = ['cash', 'card', 'bank_transfer', 'city_ledger'];

/** The front office manager's morning report of one business date. */
@Injectable()
export class FlashService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async report(propertyId: string, businessDate: string): Promise<FlashReportView> {
    const [batches, revenue, money, tills, property] = await Promise.all([
      this.dataSource.query('SELECT figures FROM journal_batch WHERE property_id = $1 AND business_date = $2', [
        propertyId,
        businessDate,
      ]) as Promise<{ figures: NightAuditCompletedV1 }[]>,
      this.dataSource.query(
        `SELECT e.kind, e.fact->>'department' AS department, e.currency,
           sum((e.fact->>'net')::bigint) AS net, sum((e.fact->>'vat')::bigint) AS vat,
           sum((e.fact->>'cityTax')::bigint) AS city_tax
         FROM journal_entry e
         WHERE e.property_id = $1 AND e.business_date = $2 AND e.kind IN ('charge', 'allowance')
         GROUP BY 1, 2, 3`,
        [propertyId, businessDate],
      ) as Promise<
        { kind: string; department: string; currency: string; net: string; vat: string; city_tax: string }[]
      >,
      this.dataSource.query(
        `SELECT e.kind, COALESCE(e.fact->>'method', '') AS method, e.currency, count(*) AS count,
           sum((e.fact->>'amount')::bigint) AS amount
         FROM journal_entry e
         WHERE e.property_id = $1 AND e.business_date = $2
           AND e.kind IN ('payment', 'refund', 'deposit_received', 'city_ledger_transfer')
         GROUP BY 1, 2, 3`,
        [propertyId, businessDate],
      ) as Promise<{ kind: string; method: string; currency: string; count: string; amount: string }[]>,
      this.dataSource.query(
        `SELECT id, agent_id, status, auto_closed, currency, expected_minor, counted_minor, variance_minor,
           signed_off_by
         FROM cashier_session
         WHERE property_id = $1 AND business_date = $2 AND status <> 'open'
         ORDER BY closed_at, id`,
        [propertyId, businessDate],
      ) as Promise<
        {
          id: string;
          agent_id: string;
          status: string;
          auto_closed: boolean;
          currency: string;
          expected_minor: string;
          counted_minor: string;
          variance_minor: string;
          signed_off_by: string | null;
        }[]
      >,
      this.dataSource.query('SELECT currency FROM billing_property WHERE property_id = $1', [propertyId]) as Promise<
        { currency: string }[]
      >,
    ]);
    const figures = batches[0]?.figures;
    const currency = (
      figures?.roomRevenue.currency ??
      revenue[0]?.currency ??
      money[0]?.currency ??
      property[0]?.currency ??
      'EUR'
    ).trim();
    const amount = (amountMinor: number): Money => ({ amountMinor, currency });

    const departments = new Map<string, { gross: number; allowances: number; vat: number; cityTax: number }>();
    for (const row of revenue) {
      const current = departments.get(row.department) ?? { gross: 0, allowances: 0, vat: 0, cityTax: 0 };
      const sign = row.kind === 'charge' ? 1 : -1;
      if (row.kind === 'charge') current.gross += Number(row.net);
      else current.allowances += Number(row.net);
      current.vat += sign * Number(row.vat);
      current.cityTax += sign * Number(row.city_tax);
      departments.set(row.department, current);
    }
    const revenueByDepartment: FlashDepartmentView[] = [...departments.entries()]
      .sort(([a], [b]) => (a === 'rooms' ? -1 : b === 'rooms' ? 1 : a.localeCompare(b)))
      .map(([department, totals]) => ({
        department,
        gross: amount(totals.gross),
        allowances: amount(totals.allowances),
        net: amount(totals.gross - totals.allowances),
        vat: amount(totals.vat),
        cityTax: amount(totals.cityTax),
      }));
    const rooms = departments.get('rooms');
    const roomRevenue = rooms ? rooms.gross - rooms.allowances : 0;

    const methods = new Map<string, { count: number; received: number; refunded: number }>();
    let transfers = 0;
    for (const row of money) {
      if (row.kind === 'city_ledger_transfer') {
        transfers += Number(row.amount);
        continue;
      }
      const current = methods.get(row.method) ?? { count: 0, received: 0, refunded: 0 };
      current.count += Number(row.count);
      if (row.kind === 'refund') current.refunded += Number(row.amount);
      else current.received += Number(row.amount);
      methods.set(row.method, current);
    }
    const paymentsByMethod: FlashPaymentMethodView[] = [...methods.entries()]
      .sort(([a], [b]) => PAYMENT_METHOD_ORDER.indexOf(a) - PAYMENT_METHOD_ORDER.indexOf(b))
      .map(([method, totals]) => ({
        method,
        count: totals.count,
        received: amount(totals.received),
        refunded: amount(totals.refunded),
        net: amount(totals.received - totals.refunded),
      }));

    const cashierVariances = tills.map((till) => {
      const tillMoney = (value: string): Money => ({ amountMinor: Number(value), currency: till.currency.trim() });
      return {
        sessionId: till.id,
        agentId: till.agent_id,
        status: till.status,
        autoClosed: till.auto_closed,
        expected: tillMoney(till.expected_minor),
        counted: tillMoney(till.counted_minor),
        variance: tillMoney(till.variance_minor),
        ...(till.signed_off_by ? { signedOffBy: till.signed_off_by } : {}),
      };
    });

    const kpis = figures ? roomKpis(figures.roomsSold, figures.roomsAvailable, roomRevenue) : null;
    return {
      propertyId,
      businessDate,
      closed: figures !== undefined,
      rooms:
        figures && kpis
          ? {
              roomsTotal: figures.roomsTotal,
              roomsOutOfOrder: figures.roomsOutOfOrder,
              roomsAvailable: figures.roomsAvailable,
              roomsSold: figures.roomsSold,
              occupancyPercent: kpis.occupancyPercent,
              adr: kpis.adr === null ? null : amount(kpis.adr),
              revpar: kpis.revpar === null ? null : amount(kpis.revpar),
              arrivals: figures.arrivals,
              departures: figures.departures,
              noShows: figures.noShows,
            }
          : null,
      roomRevenue: amount(roomRevenue),
      revenueByDepartment,
      totalRevenue: amount(revenueByDepartment.reduce((sum, department) => sum + department.net.amountMinor, 0)),
      paymentsByMethod,
      cityLedgerTransfers: amount(transfers),
      cashierVariances,
      totalVariance: amount(cashierVariances.reduce((sum, till) => sum + till.variance.amountMinor, 0)),
    };
  }
}
