import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, newIdempotencyKey } from '../../api';
import { useProperty } from '../../shell/property';
import { GuestPicker } from './GuestPicker';
import {
  Field,
  fieldErrors,
  LoadMore,
  ProblemAlert,
  QueryState,
  useFormatters,
  usePagedList,
  usePorterOnly,
  type Page,
} from './kit';
import type { GuestRequest, Luggage } from './model';
import { RequestTable } from './RequestTable';
import './concierge.css';

/** Porter's work: luggage tasks waiting for a porter (created by check-ins and check-outs) and the luggage room. */
export function LuggageScreen() {
  const { t } = useTranslation('concierge');
  const property = useProperty();
  const tasks = usePagedList<GuestRequest>(['concierge', property.id, 'requests', 'porter-queue'], (cursor) =>
    api<Page<GuestRequest>>('concierge', `/v1/properties/${property.id}/requests`, {
      query: { queue: 'porter', category: 'luggage', cursor, limit: 50 },
    }),
  );
  return (
    <section aria-labelledby="luggage-title">
      <h1 id="luggage-title">{t('luggage.title')}</h1>
      <div className="panel">
        <h2>{t('luggage.tasks')}</h2>
        <QueryState
          isPending={tasks.isPending}
          error={tasks.error}
          empty={tasks.items.length === 0}
          emptyText={t('luggage.noTasks')}
        >
          <RequestTable requests={tasks.items} caption={t('luggage.tasks')} />
          <LoadMore {...tasks} />
        </QueryState>
      </div>
      <StoreLuggageForm />
      <StoredLuggage />
    </section>
  );
}

function StoreLuggageForm() {
  const { t } = useTranslation('concierge');
  const porterOnly = usePorterOnly();
  const property = useProperty();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({
    tagNumber: '',
    reservationId: '',
    roomNumber: '',
    guestName: '',
    pieces: '1',
    description: '',
    location: '',
  });
  const [key, setKey] = useState(newIdempotencyKey);
  const set = (name: keyof typeof form) => (value: string) => setForm((current) => ({ ...current, [name]: value }));
  const store = useMutation({
    mutationFn: () =>
      api<Luggage>('concierge', `/v1/properties/${property.id}/luggage`, {
        method: 'POST',
        idempotencyKey: key,
        body: {
          tagNumber: form.tagNumber,
          reservationId: form.reservationId || undefined,
          roomNumber: form.roomNumber || undefined,
          guestName: form.guestName || undefined,
          pieces: Number(form.pieces),
          description: form.description || undefined,
          location: form.location,
        },
      }),
    onSuccess: () => {
      setForm((current) => ({ ...current, tagNumber: '', description: '', guestName: '' }));
      setKey(newIdempotencyKey());
      void queryClient.invalidateQueries({ queryKey: ['concierge', property.id, 'luggage'] });
    },
  });
  const err = (field: string) => fieldErrors(store.error, field);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    store.mutate();
  };
  return (
    <form className="panel" onSubmit={submit} aria-labelledby="store-title">
      <h2 id="store-title">{t('luggage.store')}</h2>
      <div className="form-grid">
        <Field label={t('luggage.tag')} error={err('tagNumber')}>
          {(props) => (
            <input {...props} required value={form.tagNumber} onChange={(e) => set('tagNumber')(e.target.value)} />
          )}
        </Field>
        {!porterOnly && (
          <GuestPicker
            optional
            value={form.reservationId}
            error={err('reservationId')}
            onChange={(id, guest) =>
              setForm((current) => ({
                ...current,
                reservationId: id,
                roomNumber: guest?.roomNumber ?? current.roomNumber,
              }))
            }
          />
        )}
        <Field label={t('luggage.guestName')} error={err('guestName')} hint={t('luggage.guestNameHint')}>
          {(props) => <input {...props} value={form.guestName} onChange={(e) => set('guestName')(e.target.value)} />}
        </Field>
        <Field label={t('requests.roomNumber')} error={err('roomNumber')}>
          {(props) => <input {...props} value={form.roomNumber} onChange={(e) => set('roomNumber')(e.target.value)} />}
        </Field>
        <Field label={t('luggage.pieces')} error={err('pieces')}>
          {(props) => (
            <input
              {...props}
              type="number"
              min={1}
              max={50}
              required
              value={form.pieces}
              onChange={(e) => set('pieces')(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('luggage.location')} error={err('location')}>
          {(props) => (
            <input {...props} required value={form.location} onChange={(e) => set('location')(e.target.value)} />
          )}
        </Field>
        <Field className="wide" label={t('luggage.description')} error={err('description')}>
          {(props) => (
            <input {...props} value={form.description} onChange={(e) => set('description')(e.target.value)} />
          )}
        </Field>
      </div>
      <ProblemAlert error={store.error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={store.isPending}>
          {t('luggage.storeButton')}
        </button>
        {store.isSuccess && (
          <span role="status" className="ok-text">
            {t('luggage.stored', { tag: store.data.tagNumber })}
          </span>
        )}
      </div>
    </form>
  );
}

function StoredLuggage() {
  const { t } = useTranslation('concierge');
  const property = useProperty();
  const format = useFormatters();
  const [status, setStatus] = useState<'stored' | 'returned'>('stored');
  const [tag, setTag] = useState('');
  const list = usePagedList<Luggage>(['concierge', property.id, 'luggage', status, tag], (cursor) =>
    api<Page<Luggage>>('concierge', `/v1/properties/${property.id}/luggage`, {
      query: { status, tagNumber: tag || undefined, cursor, limit: 50 },
    }),
  );
  return (
    <div className="panel">
      <h2>{t('luggage.room')}</h2>
      <div className="toolbar">
        <Field label={t('luggage.show')}>
          {(props) => (
            <select {...props} value={status} onChange={(e) => setStatus(e.target.value as 'stored' | 'returned')}>
              <option value="stored">{t('luggage.status.stored')}</option>
              <option value="returned">{t('luggage.status.returned')}</option>
            </select>
          )}
        </Field>
        <Field label={t('luggage.findTag')}>
          {(props) => <input {...props} type="search" value={tag} onChange={(e) => setTag(e.target.value.trim())} />}
        </Field>
      </div>
      <QueryState
        isPending={list.isPending}
        error={list.error}
        empty={list.items.length === 0}
        emptyText={t('luggage.none')}
      >
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{t('luggage.room')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('luggage.tag')}</th>
                <th scope="col">{t('luggage.guest')}</th>
                <th scope="col">{t('luggage.pieces')}</th>
                <th scope="col">{t('luggage.location')}</th>
                <th scope="col">{t('luggage.since')}</th>
                <th scope="col">{t('requests.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((item) => (
                <tr key={item.id}>
                  <td>
                    <strong>{item.tagNumber}</strong>
                  </td>
                  <td>
                    {item.guestName ?? '—'}
                    {item.roomNumber && <div className="muted">{t('requests.room', { room: item.roomNumber })}</div>}
                  </td>
                  <td className="num">{item.pieces}</td>
                  <td>
                    {item.location}
                    {item.description && <div className="muted">{item.description}</div>}
                  </td>
                  <td>{format.instant(item.status === 'returned' ? item.returnedAt : item.createdAt)}</td>
                  <td>{item.status === 'stored' && <HandBack item={item} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <LoadMore {...list} />
      </QueryState>
    </div>
  );
}

/** The guest shows their tag; a tag that does not match is refused by the service. */
function HandBack({ item }: { item: Luggage }) {
  const { t } = useTranslation('concierge');
  const property = useProperty();
  const queryClient = useQueryClient();
  const [presented, setPresented] = useState('');
  const [location, setLocation] = useState('');
  const done = () => queryClient.invalidateQueries({ queryKey: ['concierge', property.id, 'luggage'] });
  const handBack = useMutation({
    mutationFn: () =>
      api('concierge', `/v1/properties/${property.id}/luggage/${item.id}/hand-back`, {
        method: 'POST',
        body: { tagNumber: presented },
      }),
    onSuccess: done,
  });
  const move = useMutation({
    mutationFn: () =>
      api('concierge', `/v1/properties/${property.id}/luggage/${item.id}/move`, { method: 'POST', body: { location } }),
    onSuccess: () => {
      setLocation('');
      void done();
    },
  });
  return (
    <div className="request-actions">
      <form
        className="actions"
        onSubmit={(event) => {
          event.preventDefault();
          handBack.mutate();
        }}
      >
        <label htmlFor={`presented-${item.id}`} className="visually-hidden">
          {t('luggage.presentedTag', { tag: item.tagNumber })}
        </label>
        <input
          id={`presented-${item.id}`}
          size={8}
          required
          placeholder={t('luggage.presentedPlaceholder')}
          value={presented}
          onChange={(e) => setPresented(e.target.value)}
          aria-invalid={fieldErrors(handBack.error, 'tagNumber') ? true : undefined}
        />
        <button type="submit" disabled={handBack.isPending}>
          {t('luggage.handBack')}
        </button>
      </form>
      <form
        className="actions"
        onSubmit={(event) => {
          event.preventDefault();
          move.mutate();
        }}
      >
        <label htmlFor={`move-${item.id}`} className="visually-hidden">
          {t('luggage.newLocation', { tag: item.tagNumber })}
        </label>
        <input
          id={`move-${item.id}`}
          size={10}
          required
          placeholder={t('luggage.location')}
          value={location}
          onChange={(e) => setLocation(e.target.value)}
        />
        <button type="submit" disabled={move.isPending}>
          {t('luggage.move')}
        </button>
      </form>
      <ProblemAlert error={handBack.error ?? move.error} />
    </div>
  );
}
