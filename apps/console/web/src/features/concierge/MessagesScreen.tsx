import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, newIdempotencyKey } from '../../api';
import { useProperty } from '../../shell/property';
import { GuestPicker } from './GuestPicker';
import { Field, fieldErrors, ProblemAlert, QueryState, useFormatters, type Page } from './kit';
import {
  MESSAGE_CHANNELS,
  MESSAGE_PURPOSES,
  type MessageTemplate,
  type RenderedMessage,
  type StayGuest,
} from './model';
import './concierge.css';

/** Placeholders the stay fills by itself; any other one of the template is asked for. */
const STAY_PLACEHOLDERS = new Set([
  'guestName',
  'guestFirstName',
  'guestLastName',
  'roomNumber',
  'propertyName',
  'arrivalDate',
  'departureDate',
  'confirmationNumber',
]);

/** A message to a guest from the property's template, in the guest's language (the service picks it). */
export function MessagesScreen() {
  const { t } = useTranslation('concierge');
  const property = useProperty();
  const format = useFormatters();
  const queryClient = useQueryClient();
  const [guest, setGuest] = useState<StayGuest>();
  const [purpose, setPurpose] = useState<string>('welcome');
  const [channel, setChannel] = useState<string>('email');
  const [variables, setVariables] = useState<Record<string, string>>({});
  const [key, setKey] = useState(newIdempotencyKey);
  const templates = useQuery({
    queryKey: ['concierge', property.id, 'message-templates', purpose],
    queryFn: () =>
      api<Page<MessageTemplate>>('concierge', `/v1/properties/${property.id}/message-templates`, {
        query: { purpose },
      }),
  });
  const extra = [...new Set((templates.data?.items ?? []).flatMap((template) => template.placeholders))].filter(
    (name) => !STAY_PLACEHOLDERS.has(name),
  );
  const body = () => ({
    purpose,
    channel,
    reservationId: guest?.reservationId ?? '',
    variables: Object.fromEntries(Object.entries(variables).filter(([name, value]) => extra.includes(name) && value)),
  });
  const preview = useMutation({
    mutationFn: () =>
      api<RenderedMessage>('concierge', `/v1/properties/${property.id}/messages/preview`, {
        method: 'POST',
        body: body(),
      }),
  });
  const send = useMutation({
    mutationFn: () =>
      api<RenderedMessage>('concierge', `/v1/properties/${property.id}/messages`, {
        method: 'POST',
        idempotencyKey: key,
        body: body(),
      }),
    onSuccess: () => {
      setKey(newIdempotencyKey());
      void queryClient.invalidateQueries({ queryKey: ['concierge', property.id, 'messages'] });
    },
  });
  const history = useQuery({
    enabled: Boolean(guest),
    queryKey: ['concierge', property.id, 'messages', guest?.reservationId],
    queryFn: () =>
      api<Page<RenderedMessage>>('concierge', `/v1/properties/${property.id}/messages`, {
        query: { reservationId: guest?.reservationId, limit: 20 },
      }),
  });
  const languages = (templates.data?.items ?? []).map((template) => template.language);
  const guestLanguage = guest?.language ?? null;
  const error = send.error ?? preview.error;
  const err = (field: string) => fieldErrors(error, field);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send.mutate();
  };
  const shown = send.data ?? preview.data;
  return (
    <section aria-labelledby="messages-title">
      <h1 id="messages-title">{t('messages.title')}</h1>
      <form className="panel" onSubmit={submit} aria-labelledby="messages-form-title">
        <h2 id="messages-form-title">{t('messages.compose')}</h2>
        <div className="form-grid">
          <GuestPicker
            value={guest?.reservationId ?? ''}
            error={err('reservationId')}
            onChange={(_id, picked) => {
              setGuest(picked);
              preview.reset();
              send.reset();
            }}
          />
          <Field label={t('messages.purpose')} error={err('purpose')}>
            {(props) => (
              <select
                {...props}
                value={purpose}
                onChange={(e) => {
                  setPurpose(e.target.value);
                  preview.reset();
                }}
              >
                {MESSAGE_PURPOSES.map((entry) => (
                  <option key={entry} value={entry}>
                    {t(`purpose.${entry}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('messages.channel')} error={err('channel')}>
            {(props) => (
              <select {...props} value={channel} onChange={(e) => setChannel(e.target.value)}>
                {MESSAGE_CHANNELS.map((entry) => (
                  <option key={entry} value={entry}>
                    {t(`channel.${entry}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {extra.map((name) => (
            <Field key={name} label={name} error={err(`variables.${name}`)}>
              {(props) => (
                <input
                  {...props}
                  value={variables[name] ?? ''}
                  onChange={(e) => setVariables((current) => ({ ...current, [name]: e.target.value }))}
                />
              )}
            </Field>
          ))}
        </div>
        <p className="muted">
          {guest
            ? t('messages.languageInfo', {
                language: guestLanguage ?? t('messages.unknownLanguage'),
                available: languages.join(', ') || '—',
              })
            : t('messages.pickGuest')}
        </p>
        <ProblemAlert error={error} />
        <div className="actions">
          <button type="button" disabled={!guest || preview.isPending} onClick={() => preview.mutate()}>
            {t('messages.preview')}
          </button>
          <button type="submit" className="primary" disabled={!guest || send.isPending}>
            {t('messages.send')}
          </button>
          {send.isSuccess && (
            <span role="status" className="ok-text">
              {t('messages.sent')}
            </span>
          )}
        </div>
        {shown && (
          <div className="message-preview" aria-live="polite">
            <p className="muted">
              {t('messages.renderedIn', { language: shown.language })}
              {shown.fallbackUsed && ` — ${t('messages.fallback')}`}
            </p>
            <strong>{shown.subject}</strong>
            <div>{shown.body}</div>
          </div>
        )}
      </form>
      {guest && (
        <div className="panel">
          <h2>{t('messages.history')}</h2>
          <QueryState
            isPending={history.isPending}
            error={history.error}
            empty={(history.data?.items.length ?? 0) === 0}
            emptyText={t('messages.noHistory')}
          >
            <table>
              <caption className="visually-hidden">{t('messages.history')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('messages.purpose')}</th>
                  <th scope="col">{t('messages.channel')}</th>
                  <th scope="col">{t('messages.subject')}</th>
                  <th scope="col">{t('messages.status')}</th>
                  <th scope="col">{t('messages.sentAt')}</th>
                </tr>
              </thead>
              <tbody>
                {history.data?.items.map((message) => (
                  <tr key={message.id}>
                    <td>{t(`purpose.${message.purpose}`)}</td>
                    <td>{t(`channel.${message.channel}`)}</td>
                    <td>
                      {message.subject} <span className="muted">({message.language})</span>
                    </td>
                    <td>{message.status ?? '—'}</td>
                    <td>{format.instant(message.sentAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </QueryState>
        </div>
      )}
    </section>
  );
}
