import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { api } from '../../api';
import { addDays, formatMoney } from '../../shell/format';
import { useProperties } from '../../shell/property';
import { Field, ProblemAlert, usePropertyLocale } from '../concierge/kit';
import type { FlashReport } from './model';
import { useFinanceFormat } from './useFinanceFormat';
import './finance.css';

const SPANS = [7, 14, 31] as const;

/** The flash report of a property over recent business dates: occupancy, ADR and RevPAR, then the last day's detail. */
export function FlashScreen() {
  const { t } = useTranslation('finance');
  const { properties, property: current } = useProperties();
  const [propertyId, setPropertyId] = useState(current?.id ?? properties[0]?.id ?? '');
  const property = properties.find((entry) => entry.id === propertyId) ?? current;
  const [end, setEnd] = useState(() => addDays(property?.businessDate ?? new Date().toISOString().slice(0, 10), -1));
  const [span, setSpan] = useState<number>(7);
  const locale = usePropertyLocale(property);
  const format = useFinanceFormat();
  const dates = Array.from({ length: span }, (_, index) => addDays(end, index - span + 1));
  const reports = useQueries({
    queries: dates.map((businessDate) => ({
      queryKey: ['billing-bridge', propertyId, 'flash', businessDate],
      queryFn: () =>
        api<FlashReport>('billing-bridge', `/v1/properties/${propertyId}/reports/flash`, { query: { businessDate } }),
      enabled: Boolean(propertyId),
    })),
  });
  const loaded = reports.map((report) => report.data).filter((report): report is FlashReport => Boolean(report));
  const error = reports.find((report) => report.error)?.error;
  const currency = property?.currency ?? 'EUR';
  const digits =
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  const series = loaded.map((report) => ({
    day: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
      new Date(`${report.businessDate}T00:00:00Z`),
    ),
    businessDate: report.businessDate,
    occupancy: report.rooms?.occupancyPercent ?? null,
    adr: report.rooms?.adr ? report.rooms.adr.amountMinor / 10 ** digits : null,
    revpar: report.rooms?.revpar ? report.rooms.revpar.amountMinor / 10 ** digits : null,
  }));
  const money = (value: unknown) =>
    typeof value === 'number' ? formatMoney(Math.round(value * 10 ** digits), currency, locale) : '—';
  const percent = (value: number) =>
    new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value / 100);
  const last = [...loaded].reverse().find((report) => report.closed) ?? loaded[loaded.length - 1];
  return (
    <section aria-labelledby="flash-title">
      <h1 id="flash-title">{t('flash.title')}</h1>
      <div className="toolbar panel">
        <Field label={t('ledger.property')}>
          {(props) => (
            <select {...props} value={propertyId} onChange={(e) => setPropertyId(e.target.value)}>
              {properties.map((entry) => (
                <option key={entry.id} value={entry.id}>
                  {entry.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('flash.until')}>
          {(props) => (
            <input {...props} type="date" value={end} onChange={(e) => e.target.value && setEnd(e.target.value)} />
          )}
        </Field>
        <Field label={t('flash.span')}>
          {(props) => (
            <select {...props} value={span} onChange={(e) => setSpan(Number(e.target.value))}>
              {SPANS.map((entry) => (
                <option key={entry} value={entry}>
                  {t('flash.days', { count: entry })}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <ProblemAlert error={error} />
      {last && (
        <dl className="kpis" aria-label={t('flash.kpis', { date: format.date(last.businessDate, propertyId) })}>
          <div>
            <dt>{t('flash.occupancy')}</dt>
            <dd>
              {last.rooms?.occupancyPercent != null
                ? `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(last.rooms.occupancyPercent)} %`
                : '—'}
            </dd>
          </div>
          <div>
            <dt>{t('flash.adr')}</dt>
            <dd>{format.money(last.rooms?.adr, propertyId)}</dd>
          </div>
          <div>
            <dt>{t('flash.revpar')}</dt>
            <dd>{format.money(last.rooms?.revpar, propertyId)}</dd>
          </div>
          <div>
            <dt>{t('flash.totalRevenue')}</dt>
            <dd>{format.money(last.totalRevenue, propertyId)}</dd>
          </div>
          <div>
            <dt>{t('flash.totalVariance')}</dt>
            <dd className={last.totalVariance.amountMinor !== 0 ? 'danger-text' : undefined}>
              {format.money(last.totalVariance, propertyId)}
            </dd>
          </div>
        </dl>
      )}
      <div className="panel">
        <div className="flash-charts">
          <figure>
            <figcaption>{t('flash.occupancyChart')}</figcaption>
            <ResponsiveContainer width="100%" height={240}>
              <LineChart data={series}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="day" />
                <YAxis domain={[0, 100]} unit=" %" />
                <Tooltip />
                <Line dataKey="occupancy" name={t('flash.occupancy')} stroke="#0b5cad" connectNulls />
              </LineChart>
            </ResponsiveContainer>
          </figure>
          <figure>
            <figcaption>{t('flash.rateChart', { currency })}</figcaption>
            <ResponsiveContainer width="100%" height={240}>
              <LineChart data={series}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="day" />
                <YAxis />
                <Tooltip formatter={(value) => money(value)} />
                <Legend />
                <Line dataKey="adr" name={t('flash.adr')} stroke="#8a4b00" connectNulls />
                <Line dataKey="revpar" name={t('flash.revpar')} stroke="#1f6b34" connectNulls />
              </LineChart>
            </ResponsiveContainer>
          </figure>
        </div>
        <div className="table-scroll">
          <table>
            <caption>{t('flash.series')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('flash.businessDate')}</th>
                <th scope="col" className="num">
                  {t('flash.occupancy')}
                </th>
                <th scope="col" className="num">
                  {t('flash.adr')}
                </th>
                <th scope="col" className="num">
                  {t('flash.revpar')}
                </th>
                <th scope="col" className="num">
                  {t('flash.totalRevenue')}
                </th>
                <th scope="col">{t('flash.closed')}</th>
              </tr>
            </thead>
            <tbody>
              {loaded.map((report) => (
                <tr key={report.businessDate}>
                  <td>{format.date(report.businessDate, propertyId)}</td>
                  <td className="num">
                    {report.rooms?.occupancyPercent != null ? percent(report.rooms.occupancyPercent) : '—'}
                  </td>
                  <td className="num">{format.money(report.rooms?.adr, propertyId)}</td>
                  <td className="num">{format.money(report.rooms?.revpar, propertyId)}</td>
                  <td className="num">{format.money(report.totalRevenue, propertyId)}</td>
                  <td>{report.closed ? t('flash.yes') : t('flash.no')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      {last && <DayDetail report={last} />}
    </section>
  );
}

function DayDetail({ report }: { report: FlashReport }) {
  const { t } = useTranslation('finance');
  const format = useFinanceFormat();
  const id = report.propertyId;
  return (
    <div className="panel">
      <h2>{t('flash.detail', { date: format.date(report.businessDate, id) })}</h2>
      <div className="flash-charts">
        <table>
          <caption>{t('flash.revenue')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('flash.department')}</th>
              <th scope="col" className="num">
                {t('flash.net')}
              </th>
              <th scope="col" className="num">
                {t('flash.vat')}
              </th>
            </tr>
          </thead>
          <tbody>
            {report.revenueByDepartment.map((line) => (
              <tr key={line.department}>
                <td>{line.department}</td>
                <td className="num">{format.money(line.net, id)}</td>
                <td className="num">{format.money(line.vat, id)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table>
          <caption>{t('flash.payments')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ledger.method')}</th>
              <th scope="col" className="num">
                {t('flash.count')}
              </th>
              <th scope="col" className="num">
                {t('flash.net')}
              </th>
            </tr>
          </thead>
          <tbody>
            {report.paymentsByMethod.map((line) => (
              <tr key={line.method}>
                <td>{t(`methods.${line.method}`)}</td>
                <td className="num">{line.count}</td>
                <td className="num">{format.money(line.net, id)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table>
          <caption>{t('flash.variances')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('flash.agent')}</th>
              <th scope="col" className="num">
                {t('flash.variance')}
              </th>
            </tr>
          </thead>
          <tbody>
            {report.cashierVariances.map((line) => (
              <tr key={line.sessionId}>
                <td>{line.agentId}</td>
                <td className={`num ${line.variance.amountMinor !== 0 ? 'danger-text' : ''}`}>
                  {format.money(line.variance, id)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
