import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, newIdempotencyKey } from '../../api';
import { parseMoney } from '../../shell/format';
import { useProperty } from '../../shell/property';
import {
  Field,
  fieldErrors,
  LoadMore,
  ProblemAlert,
  QueryState,
  useFormatters,
  usePagedList,
  type Page,
} from '../concierge/kit';
import type { CashierSession } from './model';
import './manager.css';

/** Tills of a business date with their variance; a closed till is signed off by the manager. */
export function TillsScreen() {
  const { t } = useTranslation('manager');
  const property = useProperty();
  const format = useFormatters();
  // What waits for the manager first: closed tills not yet signed off, whatever their date.
  const [businessDate, setBusinessDate] = useState('');
  const [status, setStatus] = useState('closed');
  const tills = usePagedList<CashierSession>(['billing-bridge', property.id, 'tills', businessDate, status], (cursor) =>
    api<Page<CashierSession>>('billing-bridge', `/v1/properties/${property.id}/cashier-sessions`, {
      query: { businessDate: businessDate || undefined, status: status || undefined, cursor, limit: 50 },
    }),
  );
  return (
    <section aria-labelledby="tills-title">
      <h1 id="tills-title">{t('tills.title')}</h1>
      <div className="toolbar">
        <Field label={t('tills.businessDate')}>
          {(props) => (
            <input {...props} type="date" value={businessDate} onChange={(e) => setBusinessDate(e.target.value)} />
          )}
        </Field>
        <Field label={t('tills.status')}>
          {(props) => (
            <select {...props} value={status} onChange={(e) => setStatus(e.target.value)}>
              <option value="">{t('tills.anyStatus')}</option>
              {['open', 'closed', 'signed_off'].map((entry) => (
                <option key={entry} value={entry}>
                  {t(`tills.statuses.${entry}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="panel">
        <QueryState
          isPending={tills.isPending}
          error={tills.error}
          empty={tills.items.length === 0}
          emptyText={t('tills.none')}
        >
          <div className="table-scroll">
            <table>
              <caption className="visually-hidden">{t('tills.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('tills.agent')}</th>
                  <th scope="col">{t('tills.status')}</th>
                  <th scope="col" className="num">
                    {t('tills.expected')}
                  </th>
                  <th scope="col" className="num">
                    {t('tills.counted')}
                  </th>
                  <th scope="col" className="num">
                    {t('tills.variance')}
                  </th>
                  <th scope="col">{t('tills.signOff')}</th>
                </tr>
              </thead>
              <tbody>
                {tills.items.map((till) => (
                  <tr key={till.id}>
                    <td>
                      {till.agentId}
                      <div className="muted">
                        {format.instant(till.openedAt)} → {format.instant(till.closedAt)}
                      </div>
                    </td>
                    <td>
                      {t(`tills.statuses.${till.status}`)}
                      {till.autoClosed && <div className="warn-text">{t('tills.autoClosed')}</div>}
                    </td>
                    <td className="num">{format.money(till.expected)}</td>
                    <td className="num">{format.money(till.counted)}</td>
                    <td className={`num ${till.variance && till.variance.amountMinor !== 0 ? 'danger-text' : ''}`}>
                      {format.money(till.variance)}
                    </td>
                    <td>
                      {till.status === 'closed' && <SignOff till={till} />}
                      {till.status === 'signed_off' && (
                        <span>
                          {till.signedOffBy}
                          {till.signOffNote && <div className="muted">{till.signOffNote}</div>}
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <LoadMore {...tills} />
        </QueryState>
      </div>
    </section>
  );
}

function SignOff({ till }: { till: CashierSession }) {
  const { t } = useTranslation('manager');
  const property = useProperty();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const [counted, setCounted] = useState('');
  const [countError, setCountError] = useState<string>();
  const [key] = useState(newIdempotencyKey);
  // A till the night audit closed was never counted: the manager counts it now.
  const needsCount = till.autoClosed && !till.counted;
  const signOff = useMutation({
    mutationFn: (countedMinor: number | undefined) =>
      api('billing-bridge', `/v1/properties/${property.id}/cashier-sessions/${till.id}/sign-off`, {
        method: 'POST',
        idempotencyKey: key,
        body: {
          note: note || undefined,
          countedCash:
            countedMinor === undefined ? undefined : { amountMinor: countedMinor, currency: property.currency },
        },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['billing-bridge', property.id, 'tills'] }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    let countedMinor: number | undefined;
    if (needsCount || counted.trim()) {
      countedMinor = parseMoney(counted, property.currency);
      if (countedMinor === undefined || countedMinor < 0) {
        setCountError(t('tills.badAmount'));
        return;
      }
    }
    setCountError(undefined);
    signOff.mutate(countedMinor);
  };
  return (
    <form onSubmit={submit} className="request-actions" aria-label={t('tills.signOffOf', { agent: till.agentId })}>
      {needsCount && (
        <Field
          label={t('tills.countedCash', { currency: property.currency })}
          error={countError ?? fieldErrors(signOff.error, 'countedCash')}
        >
          {(props) => (
            <input
              {...props}
              inputMode="decimal"
              required
              value={counted}
              onChange={(e) => setCounted(e.target.value)}
            />
          )}
        </Field>
      )}
      <Field label={t('tills.note')} error={fieldErrors(signOff.error, 'note')}>
        {(props) => <input {...props} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <button type="submit" disabled={signOff.isPending}>
        {t('tills.signOffButton')}
      </button>
      <ProblemAlert error={signOff.error} />
    </form>
  );
}
