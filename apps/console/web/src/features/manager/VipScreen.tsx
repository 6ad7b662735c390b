import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useProperty } from '../../shell/property';
import { Field, fieldErrors, LoadMore, ProblemAlert, QueryState, usePagedList, type Page } from '../concierge/kit';
import type { GuestProfile } from './model';
import './manager.css';

const LEVELS = ['none', 'vip', 'vvip'] as const;

/** Guest VIP levels: only a front office manager changes them, always with a reason (audited). */
export function VipScreen() {
  const { t } = useTranslation('manager');
  const property = useProperty();
  const [level, setLevel] = useState('vip');
  const [q, setQ] = useState('');
  const [search, setSearch] = useState({ level: 'vip', q: '' });
  const guests = usePagedList<GuestProfile>(['reservations', property.id, 'guests', search], (cursor) =>
    api<Page<GuestProfile>>('reservations', `/v1/properties/${property.id}/guests`, {
      query: { vipLevel: search.level || undefined, q: search.q || undefined, cursor, limit: 50 },
    }),
  );
  return (
    <section aria-labelledby="vip-title">
      <h1 id="vip-title">{t('vip.title')}</h1>
      <form
        className="toolbar"
        role="search"
        aria-label={t('vip.search')}
        onSubmit={(event) => {
          event.preventDefault();
          setSearch({ level, q: q.trim() });
        }}
      >
        <Field label={t('vip.level')}>
          {(props) => (
            <select {...props} value={level} onChange={(e) => setLevel(e.target.value)}>
              <option value="">{t('vip.anyLevel')}</option>
              {LEVELS.map((entry) => (
                <option key={entry} value={entry}>
                  {t(`vip.levels.${entry}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('vip.name')}>
          {(props) => <input {...props} type="search" value={q} onChange={(e) => setQ(e.target.value)} />}
        </Field>
        <button type="submit">{t('vip.find')}</button>
      </form>
      <div className="panel">
        <QueryState
          isPending={guests.isPending}
          error={guests.error}
          empty={guests.items.length === 0}
          emptyText={t('vip.none')}
        >
          <table>
            <caption className="visually-hidden">{t('vip.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('vip.guest')}</th>
                <th scope="col">{t('vip.level')}</th>
                <th scope="col">{t('vip.change')}</th>
              </tr>
            </thead>
            <tbody>
              {guests.items.map((guest) => (
                <tr key={guest.id}>
                  <td>
                    {guest.lastName.toUpperCase()} {guest.firstName}
                    <div className="muted">{[guest.email, guest.language].filter(Boolean).join(' · ')}</div>
                    {guest.vipNotes && <div className="muted">{guest.vipNotes}</div>}
                  </td>
                  <td>
                    <span className={`badge ${guest.vipLevel !== 'none' ? 'vip' : ''}`}>
                      {t(`vip.levels.${guest.vipLevel}`)}
                    </span>
                  </td>
                  <td>
                    <VipChange guest={guest} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <LoadMore {...guests} />
        </QueryState>
      </div>
    </section>
  );
}

function VipChange({ guest }: { guest: GuestProfile }) {
  const { t } = useTranslation('manager');
  const property = useProperty();
  const queryClient = useQueryClient();
  const [level, setLevel] = useState<string>(guest.vipLevel);
  const [reason, setReason] = useState('');
  const change = useMutation({
    mutationFn: () =>
      api('reservations', `/v1/properties/${property.id}/guests/${guest.id}`, {
        method: 'PATCH',
        body: { vipLevel: level, reason },
      }),
    onSuccess: () => {
      setReason('');
      void queryClient.invalidateQueries({ queryKey: ['reservations', property.id, 'guests'] });
    },
  });
  const name = `${guest.firstName} ${guest.lastName}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate();
  };
  return (
    <form className="actions" onSubmit={submit} aria-label={t('vip.changeOf', { name })}>
      <Field label={t('vip.newLevel')} error={fieldErrors(change.error, 'vipLevel')}>
        {(props) => (
          <select {...props} value={level} onChange={(e) => setLevel(e.target.value)}>
            {LEVELS.map((entry) => (
              <option key={entry} value={entry}>
                {t(`vip.levels.${entry}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('vip.reason')} error={fieldErrors(change.error, 'reason')}>
        {(props) => <input {...props} required value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <button type="submit" disabled={change.isPending || level === guest.vipLevel}>
        {t('vip.save')}
      </button>
      <ProblemAlert error={change.error} />
    </form>
  );
}
