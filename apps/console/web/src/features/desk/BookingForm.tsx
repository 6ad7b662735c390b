import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, ApiError, newIdempotencyKey } from '../../api';
import { addDays } from '../../shell/format';
import { useProperty } from '../../shell/property';
import { isReady, useDeskFormat, useRooms, useRoomTypes } from './hooks';
import type { Availability, StayView, VipLevel } from './types';
import { Field, fieldError, ProblemAlert, useFocusWhen, useFormProblem } from './ui';

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A new booking, or a walk-in (booked and checked in at once, arriving on the business date). The price and the
 * rooms left come from the availability the agent sees while typing; the booking answer gives the final total.
 */
export function BookingForm({ mode }: { mode: 'booking' | 'walk-in' }) {
  const { t } = useTranslation('desk');
  const property = useProperty();
  const format = useDeskFormat();
  const queryClient = useQueryClient();
  const roomTypes = useRoomTypes();
  const rooms = useRooms();
  const [guest, setGuest] = useState({ firstName: '', lastName: '', email: '', phone: '', language: '' });
  const [vipLevel, setVipLevel] = useState<VipLevel>('none');
  const [roomTypeId, setRoomTypeId] = useState('');
  const [arrivalInput, setArrival] = useState(property.businessDate);
  const [departure, setDeparture] = useState(addDays(property.businessDate, 1));
  const [adults, setAdults] = useState('2');
  const [children, setChildren] = useState('0');
  const [notes, setNotes] = useState('');
  const [roomId, setRoomId] = useState('');
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [created, setCreated] = useState<StayView>();
  const { problem, fail, clear, formRef, alertRef } = useFormProblem();
  const arrival = mode === 'walk-in' ? property.businessDate : arrivalInput;
  const datesValid = LOCAL_DATE.test(arrival) && LOCAL_DATE.test(departure) && departure > arrival;

  const availability = useQuery({
    queryKey: ['reservations', property.id, 'availability', arrival, departure],
    queryFn: () =>
      api<Availability>('reservations', `/v1/properties/${property.id}/availability`, {
        query: { from: arrival, to: departure },
      }),
    enabled: datesValid,
  });
  const perType = useMemo(
    () =>
      (roomTypes.data?.items ?? []).map((type) => {
        const nights = (availability.data?.items ?? []).filter((item) => item.roomTypeId === type.id);
        return {
          type,
          nights,
          available: nights.length ? Math.min(...nights.map((night) => night.available)) : undefined,
          total: availability.data?.stayPrices[type.id],
        };
      }),
    [roomTypes.data, availability.data],
  );
  const chosen = perType.find((entry) => entry.type.id === roomTypeId);
  const readyRooms = (rooms.data ?? []).filter((room) => room.roomTypeId === roomTypeId && isReady(room));

  const book = useMutation({
    mutationFn: () => {
      const body = {
        guest: {
          firstName: guest.firstName.trim(),
          lastName: guest.lastName.trim(),
          ...(guest.email.trim() ? { email: guest.email.trim() } : {}),
          ...(guest.phone.trim() ? { phone: guest.phone.trim() } : {}),
          ...(guest.language.trim() ? { language: guest.language.trim() } : {}),
          vipLevel,
        },
        roomTypeId,
        arrival,
        departure,
        adults: Number(adults),
        children: Number(children || 0),
        source: mode === 'walk-in' ? 'walk_in' : 'front_desk',
        ...(notes.trim() ? { notes: notes.trim() } : {}),
        ...(mode === 'walk-in' && roomId ? { roomId } : {}),
      };
      const path = mode === 'walk-in' ? 'walk-ins' : 'reservations';
      return api<StayView>('reservations', `/v1/properties/${property.id}/${path}`, {
        method: 'POST',
        body,
        idempotencyKey,
      });
    },
    onSuccess: (stay) => {
      clear();
      setCreated(stay);
      setIdempotencyKey(newIdempotencyKey());
      void queryClient.invalidateQueries({ queryKey: ['reservations', property.id] });
    },
    onError: (error) => {
      // A refused request may be corrected and sent again as a new booking; a lost answer is retried with the same key.
      if (error instanceof ApiError && error.status < 500) setIdempotencyKey(newIdempotencyKey());
      fail(error);
    },
  });
  const outcomeRef = useFocusWhen<HTMLDivElement>(created);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setCreated(undefined);
    // What the service would refuse anyway, said in the agent's language and without a round trip.
    const missing = [
      ['roomTypeId', roomTypeId],
      ['guest.firstName', guest.firstName.trim()],
      ['guest.lastName', guest.lastName.trim()],
    ].filter(([, value]) => !value);
    if (missing.length > 0) {
      fail(
        new ApiError({
          title: t('errors.incomplete'),
          detail: t('errors.incomplete'),
          status: 400,
          errors: missing.map(([field]) => ({ field, message: t('errors.required') })),
        }),
      );
      return;
    }
    book.mutate();
  };
  const startOver = () => {
    setCreated(undefined);
    setGuest({ firstName: '', lastName: '', email: '', phone: '', language: '' });
    setVipLevel('none');
    setNotes('');
    setRoomId('');
  };
  const titleKey = mode === 'walk-in' ? 'walkIn.title' : 'booking.title';

  if (created) {
    return (
      <section aria-labelledby="booking-title">
        <h1 id="booking-title">{t(titleKey)}</h1>
        <div className="panel outcome" ref={outcomeRef} tabIndex={-1} role="status">
          <h2>{t(mode === 'walk-in' ? 'walkIn.done' : 'booking.done')}</h2>
          <dl className="facts">
            <dt>{t('columns.confirmation')}</dt>
            <dd>
              <code data-testid="confirmation-number">{created.confirmationNumber}</code>
            </dd>
            <dt>{t('columns.guest')}</dt>
            <dd>
              {created.guest.lastName}, {created.guest.firstName}
            </dd>
            <dt>{t('columns.stay')}</dt>
            <dd>
              {format.date(created.arrival)} → {format.date(created.departure)}
            </dd>
            {created.room && (
              <>
                <dt>{t('columns.room')}</dt>
                <dd>{created.room.number}</dd>
              </>
            )}
            <dt>{t('columns.total')}</dt>
            <dd>{format.money(created.totalPrice)}</dd>
          </dl>
          <p className="actions">
            {created.status === 'confirmed' && created.arrival === property.businessDate && (
              <Link className="button primary" to={`/desk/check-in/${created.id}`}>
                {t('actions.checkInNow')}
              </Link>
            )}
            {created.status === 'checked_in' && (
              <Link className="button primary" to={`/desk/check-out/${created.id}`}>
                {t('actions.folio')}
              </Link>
            )}{' '}
            <button type="button" onClick={startOver}>
              {t(mode === 'walk-in' ? 'walkIn.another' : 'booking.another')}
            </button>
          </p>
        </div>
      </section>
    );
  }

  return (
    <section aria-labelledby="booking-title">
      <h1 id="booking-title">{t(titleKey)}</h1>
      {mode === 'walk-in' && <p>{t('walkIn.lead', { date: format.date(property.businessDate) })}</p>}
      <form ref={formRef} onSubmit={submit} noValidate className="stack">
        <ProblemAlert problem={problem} alertRef={alertRef} />
        <fieldset>
          <legend>{t('booking.stay')}</legend>
          <div className="row">
            <Field label={t('booking.roomType')} error={fieldError(problem, 'roomTypeId')}>
              {(props) => (
                <select {...props} required value={roomTypeId} onChange={(event) => setRoomTypeId(event.target.value)}>
                  <option value="">{t('booking.chooseRoomType')}</option>
                  {roomTypes.data?.items.map((type) => (
                    <option key={type.id} value={type.id}>
                      {type.name} ({type.code})
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {mode === 'booking' ? (
              <Field label={t('booking.arrival')} error={fieldError(problem, 'arrival')}>
                {(props) => (
                  <input
                    {...props}
                    type="date"
                    required
                    min={property.businessDate}
                    value={arrivalInput}
                    onChange={(event) => {
                      setArrival(event.target.value);
                      if (LOCAL_DATE.test(event.target.value) && departure <= event.target.value) {
                        setDeparture(addDays(event.target.value, 1));
                      }
                    }}
                  />
                )}
              </Field>
            ) : null}
            <Field label={t('booking.departure')} error={fieldError(problem, 'departure')}>
              {(props) => (
                <input
                  {...props}
                  type="date"
                  required
                  min={addDays(arrival, 1)}
                  value={departure}
                  onChange={(event) => setDeparture(event.target.value)}
                />
              )}
            </Field>
            <Field label={t('booking.adults')} error={fieldError(problem, 'adults')}>
              {(props) => (
                <input
                  {...props}
                  type="number"
                  min={1}
                  max={20}
                  required
                  className="narrow"
                  value={adults}
                  onChange={(event) => setAdults(event.target.value)}
                />
              )}
            </Field>
            <Field label={t('booking.children')} error={fieldError(problem, 'children')}>
              {(props) => (
                <input
                  {...props}
                  type="number"
                  min={0}
                  max={20}
                  className="narrow"
                  value={children}
                  onChange={(event) => setChildren(event.target.value)}
                />
              )}
            </Field>
          </div>
          {mode === 'walk-in' && roomTypeId && (
            <Field label={t('walkIn.room')} error={fieldError(problem, 'roomId')} hint={t('walkIn.roomHint')}>
              {(props) => (
                <select {...props} value={roomId} onChange={(event) => setRoomId(event.target.value)}>
                  <option value="">{t('walkIn.anyRoom')}</option>
                  {readyRooms.map((room) => (
                    <option key={room.id} value={room.id}>
                      {room.number} — {t(`roomStatus.${room.status}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
        </fieldset>

        <section aria-labelledby="availability-title" className="panel">
          <h2 id="availability-title">{t('booking.availability')}</h2>
          {!datesValid && <p>{t('booking.datesFirst')}</p>}
          {datesValid && availability.isPending && <p>{t('loading')}</p>}
          {availability.error && <p className="error">{t('errors.availability')}</p>}
          {datesValid && availability.data && (
            <table>
              <caption className="visually-hidden">{t('booking.availability')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('columns.roomType')}</th>
                  <th scope="col">{t('booking.roomsLeft')}</th>
                  <th scope="col">{t('booking.stayPrice')}</th>
                </tr>
              </thead>
              <tbody>
                {perType.map((entry) => (
                  <tr key={entry.type.id} className={entry.type.id === roomTypeId ? 'selected' : undefined}>
                    <th scope="row">
                      {entry.type.name} ({entry.type.code})
                    </th>
                    <td>
                      {entry.available === undefined
                        ? '—'
                        : entry.available > 0
                          ? entry.available
                          : t('booking.soldOut')}
                    </td>
                    <td>{format.money(entry.total)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {chosen && chosen.nights.length > 0 && (
            <div className="quote" data-testid="quote">
              <h3>{t('booking.quote', { type: chosen.type.name })}</h3>
              <ul className="nights">
                {chosen.nights.map((night) => (
                  <li key={night.date}>
                    {format.date(night.date)}: {format.money(night.price)}
                    {night.available <= 0 && <strong className="error"> — {t('booking.soldOut')}</strong>}
                  </li>
                ))}
              </ul>
              <p className="total" role="status">
                {t('booking.total')}: <strong>{format.money(chosen.total)}</strong>
              </p>
            </div>
          )}
        </section>

        <fieldset>
          <legend>{t('booking.guest')}</legend>
          <div className="row">
            <Field label={t('guest.firstName')} error={fieldError(problem, 'guest.firstName')}>
              {(props) => (
                <input
                  {...props}
                  required
                  autoComplete="off"
                  value={guest.firstName}
                  onChange={(event) => setGuest({ ...guest, firstName: event.target.value })}
                />
              )}
            </Field>
            <Field label={t('guest.lastName')} error={fieldError(problem, 'guest.lastName')}>
              {(props) => (
                <input
                  {...props}
                  required
                  autoComplete="off"
                  value={guest.lastName}
                  onChange={(event) => setGuest({ ...guest, lastName: event.target.value })}
                />
              )}
            </Field>
            <Field label={t('guest.vipLevel')} error={fieldError(problem, 'guest.vipLevel')}>
              {(props) => (
                <select {...props} value={vipLevel} onChange={(event) => setVipLevel(event.target.value as VipLevel)}>
                  <option value="none">{t('vip.none')}</option>
                  <option value="vip">{t('vip.vip')}</option>
                  <option value="vvip">{t('vip.vvip')}</option>
                </select>
              )}
            </Field>
          </div>
          <div className="row">
            <Field label={t('guest.email')} error={fieldError(problem, 'guest.email')}>
              {(props) => (
                <input
                  {...props}
                  type="email"
                  autoComplete="off"
                  value={guest.email}
                  onChange={(event) => setGuest({ ...guest, email: event.target.value })}
                />
              )}
            </Field>
            <Field label={t('guest.phone')} error={fieldError(problem, 'guest.phone')} hint={t('guest.phoneHint')}>
              {(props) => (
                <input
                  {...props}
                  type="tel"
                  autoComplete="off"
                  value={guest.phone}
                  onChange={(event) => setGuest({ ...guest, phone: event.target.value })}
                />
              )}
            </Field>
            <Field
              label={t('guest.language')}
              error={fieldError(problem, 'guest.language')}
              hint={t('guest.languageHint')}
            >
              {(props) => (
                <input
                  {...props}
                  className="narrow"
                  value={guest.language}
                  onChange={(event) => setGuest({ ...guest, language: event.target.value })}
                />
              )}
            </Field>
          </div>
          <Field label={t('booking.notes')} error={fieldError(problem, 'notes')}>
            {(props) => (
              <textarea {...props} rows={2} value={notes} onChange={(event) => setNotes(event.target.value)} />
            )}
          </Field>
        </fieldset>
        <p>
          <button type="submit" className="primary" disabled={book.isPending}>
            {t(mode === 'walk-in' ? 'walkIn.submit' : 'booking.submit')}
          </button>
        </p>
      </form>
    </section>
  );
}
