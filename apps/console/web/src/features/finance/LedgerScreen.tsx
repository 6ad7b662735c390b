import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { addDays } from '../../shell/format';
import { useProperties } from '../../shell/property';
import { Field, LoadMore, QueryState, usePagedList, type Page } from '../concierge/kit';
import {
  FOLIO_STATUSES,
  PAYMENT_METHODS,
  REFUND_STATUSES,
  type FinanceCityLedger,
  type FinanceFolio,
  type FinancePayment,
  type FinanceRefund,
} from './model';
import { useFinanceFormat } from './useFinanceFormat';
import './finance.css';

export type LedgerKind = 'payments' | 'refunds' | 'folios' | 'city-ledger';

interface Filters {
  propertyId: string;
  from: string;
  to: string;
  method: string;
  status: string;
  nonZero: boolean;
  asOf: string;
}

/** Payments, refunds, folio balances or city-ledger balances across the properties the user may see. */
export function LedgerScreen({ kind }: { kind: LedgerKind }) {
  const { t } = useTranslation('finance');
  const { property } = useProperties();
  const today = property?.businessDate ?? new Date().toISOString().slice(0, 10);
  const initial: Filters = {
    propertyId: '',
    from: addDays(today, -30),
    to: today,
    method: '',
    status: '',
    nonZero: kind === 'folios',
    asOf: '',
  };
  const [draft, setDraft] = useState<Filters>(initial);
  const [filters, setFilters] = useState<Filters>(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFilters(draft);
  };
  return (
    <section aria-labelledby="ledger-title">
      <h1 id="ledger-title">{t(`ledger.${kind}.title`)}</h1>
      <FilterForm kind={kind} draft={draft} setDraft={setDraft} onSubmit={submit} />
      <div className="panel">
        {kind === 'payments' && <PaymentsTable filters={filters} />}
        {kind === 'refunds' && <RefundsTable filters={filters} />}
        {kind === 'folios' && <FoliosTable filters={filters} />}
        {kind === 'city-ledger' && <CityLedgerTable filters={filters} />}
      </div>
    </section>
  );
}

function FilterForm({
  kind,
  draft,
  setDraft,
  onSubmit,
}: {
  kind: LedgerKind;
  draft: Filters;
  setDraft: (update: (current: Filters) => Filters) => void;
  onSubmit: (event: FormEvent) => void;
}) {
  const { t } = useTranslation('finance');
  const { properties } = useProperties();
  const set = <K extends keyof Filters>(name: K, value: Filters[K]) =>
    setDraft((current) => ({ ...current, [name]: value }));
  const period = kind === 'payments' || kind === 'refunds';
  return (
    <form className="toolbar panel" onSubmit={onSubmit} aria-label={t('ledger.filters')}>
      <Field label={t('ledger.property')}>
        {(props) => (
          <select {...props} value={draft.propertyId} onChange={(e) => set('propertyId', e.target.value)}>
            <option value="">{t('ledger.allProperties')}</option>
            {properties.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      {period && (
        <>
          <Field label={t('ledger.from')}>
            {(props) => (
              <input {...props} type="date" required value={draft.from} onChange={(e) => set('from', e.target.value)} />
            )}
          </Field>
          <Field label={t('ledger.to')}>
            {(props) => (
              <input {...props} type="date" required value={draft.to} onChange={(e) => set('to', e.target.value)} />
            )}
          </Field>
          <Field label={t('ledger.method')}>
            {(props) => (
              <select {...props} value={draft.method} onChange={(e) => set('method', e.target.value)}>
                <option value="">{t('ledger.anyMethod')}</option>
                {PAYMENT_METHODS.map((entry) => (
                  <option key={entry} value={entry}>
                    {t(`methods.${entry}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </>
      )}
      {(kind === 'refunds' || kind === 'folios') && (
        <Field label={t('ledger.status')}>
          {(props) => (
            <select {...props} value={draft.status} onChange={(e) => set('status', e.target.value)}>
              <option value="">{t('ledger.anyStatus')}</option>
              {(kind === 'refunds' ? REFUND_STATUSES : FOLIO_STATUSES).map((entry) => (
                <option key={entry} value={entry}>
                  {t(`statuses.${entry}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {kind === 'folios' && (
        <label className="checkbox">
          <input type="checkbox" checked={draft.nonZero} onChange={(e) => set('nonZero', e.target.checked)} />{' '}
          {t('ledger.nonZero')}
        </label>
      )}
      {kind === 'city-ledger' && (
        <Field label={t('ledger.asOf')} hint={t('ledger.asOfHint')}>
          {(props) => <input {...props} type="date" value={draft.asOf} onChange={(e) => set('asOf', e.target.value)} />}
        </Field>
      )}
      <button type="submit" className="primary">
        {t('ledger.apply')}
      </button>
    </form>
  );
}

/** Chain-wide lists are keyed under '*' when no property is chosen. */
function useLedger<T>(path: string, filters: Filters, query: Record<string, string | number | boolean | undefined>) {
  return usePagedList<T>(['billing-bridge', filters.propertyId || '*', 'finance', path, query], (cursor) =>
    api<Page<T>>('billing-bridge', `/v1/finance/${path}`, {
      query: { ...query, propertyId: filters.propertyId || undefined, cursor, limit: 100 },
    }),
  );
}

interface NumericColumn {
  label: string;
  numeric: true;
}
const num = (label: string): NumericColumn => ({ label, numeric: true });

function ListFrame({
  list,
  caption,
  head,
  children,
}: {
  list: ReturnType<typeof usePagedList<unknown>>;
  caption: string;
  head: Array<string | NumericColumn>;
  children: ReactNode;
}) {
  const { t } = useTranslation('finance');
  return (
    <QueryState
      isPending={list.isPending}
      error={list.error}
      empty={list.items.length === 0}
      emptyText={t('ledger.none')}
    >
      <div className="table-scroll">
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              {head.map((column) =>
                typeof column === 'string' ? (
                  <th key={column} scope="col">
                    {column}
                  </th>
                ) : (
                  <th key={column.label} scope="col" className="num">
                    {column.label}
                  </th>
                ),
              )}
            </tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
      </div>
      <p className="muted">{t('ledger.shown', { count: list.items.length })}</p>
      <LoadMore {...list} />
    </QueryState>
  );
}

function PaymentsTable({ filters }: { filters: Filters }) {
  const { t } = useTranslation('finance');
  const format = useFinanceFormat();
  const list = useLedger<FinancePayment>('payments', filters, {
    from: filters.from,
    to: filters.to,
    method: filters.method || undefined,
  });
  return (
    <ListFrame
      list={list as ReturnType<typeof usePagedList<unknown>>}
      caption={t('ledger.payments.title')}
      head={[
        t('ledger.col.date'),
        t('ledger.property'),
        t('ledger.method'),
        t('ledger.col.kind'),
        num(t('ledger.col.amount')),
        num(t('ledger.col.refunded')),
        t('ledger.col.reference'),
        t('ledger.col.by'),
      ]}
    >
      {list.items.map((payment) => (
        <tr key={payment.id}>
          <td>{format.date(payment.businessDate, payment.propertyId)}</td>
          <td>{format.propertyName(payment.propertyId)}</td>
          <td>
            {t(`methods.${payment.method}`)}
            {payment.cardLast4 && ` ···· ${payment.cardLast4}`}
          </td>
          <td>{t(`paymentKinds.${payment.kind}`)}</td>
          <td className="num">{format.money(payment.amount, payment.propertyId)}</td>
          <td className="num">
            {format.money(payment.refunded, payment.propertyId)}
            {payment.pendingRefund.amountMinor > 0 && (
              <div className="warn-text">
                {t('ledger.pending', { amount: format.money(payment.pendingRefund, payment.propertyId) })}
              </div>
            )}
          </td>
          <td>{payment.processorRef ?? '—'}</td>
          <td>{payment.recordedBy}</td>
        </tr>
      ))}
    </ListFrame>
  );
}

function RefundsTable({ filters }: { filters: Filters }) {
  const { t } = useTranslation('finance');
  const format = useFinanceFormat();
  const list = useLedger<FinanceRefund>('refunds', filters, {
    from: filters.from,
    to: filters.to,
    method: filters.method || undefined,
    status: filters.status || undefined,
  });
  return (
    <ListFrame
      list={list as ReturnType<typeof usePagedList<unknown>>}
      caption={t('ledger.refunds.title')}
      head={[
        t('ledger.col.date'),
        t('ledger.property'),
        t('ledger.method'),
        t('ledger.status'),
        num(t('ledger.col.amount')),
        t('ledger.col.reason'),
        t('ledger.col.by'),
      ]}
    >
      {list.items.map((refund) => (
        <tr key={refund.id}>
          <td>{format.date(refund.businessDate, refund.propertyId)}</td>
          <td>{format.propertyName(refund.propertyId)}</td>
          <td>{t(`methods.${refund.method}`)}</td>
          <td>{t(`statuses.${refund.status}`)}</td>
          <td className="num">{format.money(refund.amount, refund.propertyId)}</td>
          <td>{refund.reason}</td>
          <td>
            {refund.requestedBy}
            {refund.approvedBy && <div className="muted">{t('ledger.approvedBy', { who: refund.approvedBy })}</div>}
          </td>
        </tr>
      ))}
    </ListFrame>
  );
}

function FoliosTable({ filters }: { filters: Filters }) {
  const { t } = useTranslation('finance');
  const format = useFinanceFormat();
  const list = useLedger<FinanceFolio>('folios', filters, {
    status: filters.status || undefined,
    nonZero: filters.nonZero ? 'true' : undefined,
  });
  return (
    <ListFrame
      list={list as ReturnType<typeof usePagedList<unknown>>}
      caption={t('ledger.folios.title')}
      head={[
        t('ledger.col.guest'),
        t('ledger.property'),
        t('ledger.col.confirmation'),
        t('ledger.status'),
        num(t('ledger.col.balance')),
        t('ledger.col.opened'),
      ]}
    >
      {list.items.map((folio) => (
        <tr key={folio.folioId}>
          <td>{folio.guestName}</td>
          <td>{format.propertyName(folio.propertyId)}</td>
          <td>{folio.confirmationNumber}</td>
          <td>{t(`statuses.${folio.status}`)}</td>
          <td className={`num ${folio.balance.amountMinor > 0 ? 'warn-text' : ''}`}>
            {format.money(folio.balance, folio.propertyId)}
          </td>
          <td>{format.instant(folio.openedAt, folio.propertyId)}</td>
        </tr>
      ))}
    </ListFrame>
  );
}

function CityLedgerTable({ filters }: { filters: Filters }) {
  const { t } = useTranslation('finance');
  const format = useFinanceFormat();
  const list = useLedger<FinanceCityLedger>('city-ledger', filters, { asOf: filters.asOf || undefined });
  return (
    <ListFrame
      list={list as ReturnType<typeof usePagedList<unknown>>}
      caption={t('ledger.city-ledger.title')}
      head={[
        t('ledger.col.account'),
        t('ledger.property'),
        num(t('ledger.col.balance')),
        num(t('ledger.aging.current')),
        num(t('ledger.aging.days31to60')),
        num(t('ledger.aging.days61to90')),
        num(t('ledger.aging.over90')),
        num(t('ledger.col.creditLimit')),
      ]}
    >
      {list.items.map((account) => (
        <tr key={account.accountId}>
          <td>
            {account.name} <span className="muted">{account.code}</span>
            {!account.active && <div className="muted">{t('ledger.inactive')}</div>}
          </td>
          <td>{format.propertyName(account.propertyId)}</td>
          <td className="num">
            <strong>{format.money(account.balance, account.propertyId)}</strong>
          </td>
          <td className="num">{format.money(account.aging.current, account.propertyId)}</td>
          <td className="num">{format.money(account.aging.days31to60, account.propertyId)}</td>
          <td className="num">{format.money(account.aging.days61to90, account.propertyId)}</td>
          <td className={`num ${account.aging.over90.amountMinor > 0 ? 'danger-text' : ''}`}>
            {format.money(account.aging.over90, account.propertyId)}
          </td>
          <td className="num">{format.money(account.creditLimit, account.propertyId)}</td>
        </tr>
      ))}
    </ListFrame>
  );
}
