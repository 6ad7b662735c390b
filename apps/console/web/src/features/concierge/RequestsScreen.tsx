import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, newIdempotencyKey } from '../../api';
import { useProperty } from '../../shell/property';
import { useUser } from '../../shell/session';
import { GuestPicker } from './GuestPicker';
import {
  Field,
  fieldErrors,
  LoadMore,
  ProblemAlert,
  QueryState,
  usePagedList,
  wallClockToInstant,
  type Page,
} from './kit';
import { REQUEST_CATEGORIES, REQUEST_PRIORITIES, REQUEST_ROLES, REQUEST_STATUSES, type GuestRequest } from './model';
import { RequestTable } from './RequestTable';
import './concierge.css';

/** `queue:<role>` (what waits for a role), `status:<status>`, or `mine`. */
type View = string;

function defaultView(roles: string[]): View {
  if (roles.includes('concierge')) return 'queue:concierge';
  if (roles.includes('front_office_manager')) return 'queue:front_office_manager';
  return 'queue:front_desk';
}

export function RequestsScreen() {
  const { t } = useTranslation('concierge');
  const property = useProperty();
  const user = useUser();
  const [view, setView] = useState<View>(() => defaultView(user.roles));
  const [category, setCategory] = useState('');
  const [kind, value] = view.split(':');
  const list = usePagedList<GuestRequest>(['concierge', property.id, 'requests', view, category], (cursor) =>
    api<Page<GuestRequest>>('concierge', `/v1/properties/${property.id}/requests${kind === 'mine' ? '/mine' : ''}`, {
      query: {
        cursor,
        limit: 50,
        queue: kind === 'queue' ? value : undefined,
        status: kind === 'status' ? value : undefined,
        category: kind === 'mine' ? undefined : category || undefined,
      },
    }),
  );
  const escalated = list.items.filter((request) => request.escalated).length;
  return (
    <section aria-labelledby="requests-title">
      <h1 id="requests-title">{t('requests.title')}</h1>
      <NewRequestForm />
      <div className="panel">
        <h2>{t('requests.queue')}</h2>
        <div className="toolbar">
          <Field label={t('requests.view')}>
            {(props) => (
              <select {...props} value={view} onChange={(event) => setView(event.target.value)}>
                <option value="mine">{t('requests.mine')}</option>
                {REQUEST_ROLES.map((role) => (
                  <option key={role} value={`queue:${role}`}>
                    {t('requests.queueOf', { role: t(`role.${role}`) })}
                  </option>
                ))}
                {REQUEST_STATUSES.map((status) => (
                  <option key={status} value={`status:${status}`}>
                    {t('requests.withStatus', { status: t(`status.${status}`) })}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('requests.category')}>
            {(props) => (
              <select
                {...props}
                value={category}
                disabled={kind === 'mine'}
                onChange={(event) => setCategory(event.target.value)}
              >
                <option value="">{t('requests.allCategories')}</option>
                {REQUEST_CATEGORIES.map((entry) => (
                  <option key={entry} value={entry}>
                    {t(`category.${entry}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {escalated > 0 && (
            <p className="badge danger" role="status">
              {t('requests.escalatedCount', { count: escalated })}
            </p>
          )}
        </div>
        <QueryState
          isPending={list.isPending}
          error={list.error}
          empty={list.items.length === 0}
          emptyText={t('requests.empty')}
        >
          <RequestTable requests={list.items} caption={t('requests.queue')} />
          <LoadMore {...list} />
        </QueryState>
      </div>
    </section>
  );
}

function NewRequestForm() {
  const { t } = useTranslation('concierge');
  const property = useProperty();
  const queryClient = useQueryClient();
  const [category, setCategory] = useState<string>('information');
  const [description, setDescription] = useState('');
  const [reservationId, setReservationId] = useState('');
  const [roomNumber, setRoomNumber] = useState('');
  const [priority, setPriority] = useState('normal');
  const [dueAt, setDueAt] = useState('');
  const [key, setKey] = useState(newIdempotencyKey);
  const create = useMutation({
    mutationFn: () =>
      api<GuestRequest>('concierge', `/v1/properties/${property.id}/requests`, {
        method: 'POST',
        idempotencyKey: key,
        body: {
          category,
          description,
          reservationId: reservationId || undefined,
          roomNumber: roomNumber || undefined,
          priority,
          dueAt: dueAt ? wallClockToInstant(dueAt, property.timezone) : undefined,
        },
      }),
    onSuccess: () => {
      setDescription('');
      setDueAt('');
      setKey(newIdempotencyKey());
      void queryClient.invalidateQueries({ queryKey: ['concierge', property.id] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const err = (field: string) => fieldErrors(create.error, field);
  return (
    <form className="panel" onSubmit={submit} aria-labelledby="new-request-title">
      <h2 id="new-request-title">{t('requests.new')}</h2>
      <div className="form-grid">
        <Field label={t('requests.category')} error={err('category')}>
          {(props) => (
            <select {...props} value={category} onChange={(event) => setCategory(event.target.value)}>
              {REQUEST_CATEGORIES.filter((entry) => entry !== 'complaint').map((entry) => (
                <option key={entry} value={entry}>
                  {t(`category.${entry}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('requests.priority')} error={err('priority')}>
          {(props) => (
            <select {...props} value={priority} onChange={(event) => setPriority(event.target.value)}>
              {REQUEST_PRIORITIES.map((entry) => (
                <option key={entry} value={entry}>
                  {t(`priority.${entry}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <GuestPicker
          optional
          value={reservationId}
          error={err('reservationId')}
          onChange={(id, guest) => {
            setReservationId(id);
            if (guest?.roomNumber) setRoomNumber(guest.roomNumber);
          }}
        />
        <Field label={t('requests.roomNumber')} error={err('roomNumber')}>
          {(props) => <input {...props} value={roomNumber} onChange={(event) => setRoomNumber(event.target.value)} />}
        </Field>
        <Field label={t('requests.dueAt')} error={err('dueAt')} hint={t('requests.dueAtHint')}>
          {(props) => (
            <input {...props} type="datetime-local" value={dueAt} onChange={(event) => setDueAt(event.target.value)} />
          )}
        </Field>
        <Field className="wide" label={t('requests.description')} error={err('description')}>
          {(props) => (
            <textarea
              {...props}
              required
              rows={2}
              value={description}
              onChange={(event) => setDescription(event.target.value)}
            />
          )}
        </Field>
      </div>
      <ProblemAlert error={create.error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={create.isPending}>
          {t('requests.create')}
        </button>
        {create.isSuccess && (
          <span role="status" className="ok-text">
            {t('requests.created')}
          </span>
        )}
      </div>
    </form>
  );
}
