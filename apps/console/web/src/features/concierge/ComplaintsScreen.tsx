import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, newIdempotencyKey } from '../../api';
import { parseMoney } from '../../shell/format';
import { useProperty } from '../../shell/property';
import { GuestPicker } from './GuestPicker';
import { Field, fieldErrors, LoadMore, ProblemAlert, QueryState, useFormatters, usePagedList, type Page } from './kit';
import { COMPENSATION_KINDS, COMPLAINT_CATEGORIES, type Complaint } from './model';
import './concierge.css';

/** Log what went wrong in the guest's own words; a compensation proposed here waits for the manager. */
export function ComplaintsScreen() {
  const { t } = useTranslation('concierge');
  const property = useProperty();
  const format = useFormatters();
  const list = usePagedList<Complaint>(['concierge', property.id, 'complaints', 'open'], (cursor) =>
    api<Page<Complaint>>('concierge', `/v1/properties/${property.id}/complaints`, {
      query: { status: 'open', cursor, limit: 50 },
    }),
  );
  return (
    <section aria-labelledby="complaints-title">
      <h1 id="complaints-title">{t('complaints.title')}</h1>
      <ComplaintForm />
      <div className="panel">
        <h2>{t('complaints.open')}</h2>
        <QueryState
          isPending={list.isPending}
          error={list.error}
          empty={list.items.length === 0}
          emptyText={t('complaints.none')}
        >
          <table>
            <caption className="visually-hidden">{t('complaints.open')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('complaints.category')}</th>
                <th scope="col">{t('complaints.whatWentWrong')}</th>
                <th scope="col">{t('requests.roomNumber')}</th>
                <th scope="col">{t('complaints.compensation')}</th>
                <th scope="col">{t('complaints.loggedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((complaint) => (
                <tr key={complaint.id}>
                  <td>{t(`complaintCategory.${complaint.category}`)}</td>
                  <td>
                    {complaint.whatWentWrong}
                    <div className="muted">“{complaint.guestWords}”</div>
                  </td>
                  <td>{complaint.roomNumber ?? '—'}</td>
                  <td>
                    {complaint.compensation ? (
                      <>
                        {format.money(complaint.compensation.amount)} ·{' '}
                        {t(`compensationStatus.${complaint.compensation.status}`)}
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>{format.instant(complaint.loggedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <LoadMore {...list} />
        </QueryState>
      </div>
    </section>
  );
}

function ComplaintForm() {
  const { t } = useTranslation('concierge');
  const property = useProperty();
  const queryClient = useQueryClient();
  const [category, setCategory] = useState<string>('noise');
  const [whatWentWrong, setWhatWentWrong] = useState('');
  const [guestWords, setGuestWords] = useState('');
  const [reservationId, setReservationId] = useState('');
  const [roomNumber, setRoomNumber] = useState('');
  const [withCompensation, setWithCompensation] = useState(false);
  const [kind, setKind] = useState<string>('allowance');
  const [amount, setAmount] = useState('');
  const [compensationText, setCompensationText] = useState('');
  const [amountError, setAmountError] = useState<string>();
  const [key, setKey] = useState(newIdempotencyKey);
  const log = useMutation({
    mutationFn: (amountMinor: number | undefined) =>
      api<Complaint>('concierge', `/v1/properties/${property.id}/complaints`, {
        method: 'POST',
        idempotencyKey: key,
        body: {
          category,
          whatWentWrong,
          guestWords,
          reservationId: reservationId || undefined,
          roomNumber: roomNumber || undefined,
          compensation:
            amountMinor === undefined
              ? undefined
              : { kind, amount: { amountMinor, currency: property.currency }, description: compensationText },
        },
      }),
    onSuccess: () => {
      setWhatWentWrong('');
      setGuestWords('');
      setAmount('');
      setCompensationText('');
      setWithCompensation(false);
      setKey(newIdempotencyKey());
      void queryClient.invalidateQueries({ queryKey: ['concierge', property.id] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    let amountMinor: number | undefined;
    if (withCompensation) {
      amountMinor = parseMoney(amount, property.currency);
      if (amountMinor === undefined || amountMinor < 0) {
        setAmountError(t('kit.badAmount'));
        return;
      }
    }
    setAmountError(undefined);
    log.mutate(amountMinor);
  };
  const err = (field: string) => fieldErrors(log.error, field);
  return (
    <form className="panel" onSubmit={submit} aria-labelledby="log-complaint-title">
      <h2 id="log-complaint-title">{t('complaints.log')}</h2>
      <div className="form-grid">
        <Field label={t('complaints.category')} error={err('category')}>
          {(props) => (
            <select {...props} value={category} onChange={(e) => setCategory(e.target.value)}>
              {COMPLAINT_CATEGORIES.map((entry) => (
                <option key={entry} value={entry}>
                  {t(`complaintCategory.${entry}`)}
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
          {(props) => <input {...props} value={roomNumber} onChange={(e) => setRoomNumber(e.target.value)} />}
        </Field>
        <Field className="wide" label={t('complaints.whatWentWrong')} error={err('whatWentWrong')}>
          {(props) => (
            <textarea
              {...props}
              required
              rows={2}
              value={whatWentWrong}
              onChange={(e) => setWhatWentWrong(e.target.value)}
            />
          )}
        </Field>
        <Field className="wide" label={t('complaints.guestWords')} error={err('guestWords')}>
          {(props) => (
            <textarea {...props} required rows={2} value={guestWords} onChange={(e) => setGuestWords(e.target.value)} />
          )}
        </Field>
        <div className="wide">
          <label>
            <input type="checkbox" checked={withCompensation} onChange={(e) => setWithCompensation(e.target.checked)} />{' '}
            {t('complaints.proposeCompensation')}
          </label>
        </div>
        {withCompensation && (
          <>
            <Field label={t('complaints.kind')} error={err('compensation.kind')}>
              {(props) => (
                <select {...props} value={kind} onChange={(e) => setKind(e.target.value)}>
                  {COMPENSATION_KINDS.map((entry) => (
                    <option key={entry} value={entry}>
                      {t(`compensationKind.${entry}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              label={t('complaints.amount', { currency: property.currency })}
              error={amountError ?? err('compensation.amount')}
            >
              {(props) => (
                <input
                  {...props}
                  inputMode="decimal"
                  required
                  value={amount}
                  onChange={(e) => setAmount(e.target.value)}
                />
              )}
            </Field>
            <Field
              className="wide"
              label={t('complaints.compensationDescription')}
              error={err('compensation.description')}
            >
              {(props) => (
                <input
                  {...props}
                  required
                  value={compensationText}
                  onChange={(e) => setCompensationText(e.target.value)}
                />
              )}
            </Field>
          </>
        )}
      </div>
      <ProblemAlert error={log.error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={log.isPending}>
          {t('complaints.submit')}
        </button>
        {log.isSuccess && (
          <span role="status" className="ok-text">
            {t('complaints.logged')}
          </span>
        )}
      </div>
    </form>
  );
}
