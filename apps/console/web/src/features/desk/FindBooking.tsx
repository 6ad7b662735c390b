import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useProperty } from '../../shell/property';
import { RowActions } from './Boards';
import { useDeskFormat, useRoomTypes } from './hooks';
import type { Page, Reservation } from './types';
import { Field, fieldError, toFormProblem, useFocusWhen, VipBadge } from './ui';

interface Search {
  name?: string;
  confirmationNumber?: string;
}

/** Find a booking by the start of the guest's name or by its confirmation number. */
export function FindBooking() {
  const { t } = useTranslation('desk');
  const property = useProperty();
  const format = useDeskFormat();
  const roomTypes = useRoomTypes();
  const [name, setName] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [search, setSearch] = useState<Search>();
  const [missing, setMissing] = useState(false);
  const results = useQuery({
    queryKey: ['reservations', property.id, 'search', search],
    queryFn: () =>
      api<Page<Reservation>>('reservations', `/v1/properties/${property.id}/reservations`, {
        query: { ...search, limit: 50 },
      }),
    enabled: search !== undefined,
  });
  // Focus follows a search the agent ran, not the refetches live events cause.
  const resultsRef = useFocusWhen<HTMLHeadingElement>(results.data || results.error ? search : undefined);
  const problem = results.error ? toFormProblem(results.error, t('errors.generic')) : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: Search = {
      name: name.trim() || undefined,
      confirmationNumber: confirmation.trim().toUpperCase() || undefined,
    };
    setMissing(!next.name && !next.confirmationNumber);
    if (next.name || next.confirmationNumber) setSearch(next);
  };
  return (
    <section aria-labelledby="find-title">
      <h1 id="find-title">{t('find.title')}</h1>
      <form className="toolbar" onSubmit={submit} noValidate>
        <Field label={t('find.name')} error={fieldError(problem, 'name')}>
          {(props) => <input {...props} value={name} onChange={(event) => setName(event.target.value)} />}
        </Field>
        <Field label={t('find.confirmation')} error={fieldError(problem, 'confirmationNumber')}>
          {(props) => (
            <input
              {...props}
              value={confirmation}
              autoCapitalize="characters"
              onChange={(event) => setConfirmation(event.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="primary">
          {t('find.submit')}
        </button>
      </form>
      {missing && (
        <p role="alert" className="error">
          {t('find.missing')}
        </p>
      )}
      {results.isFetching && <p role="status">{t('loading')}</p>}
      {search && (results.data || problem) && (
        <>
          <h2 ref={resultsRef} tabIndex={-1}>
            {t('find.results', { count: results.data?.items.length ?? 0 })}
          </h2>
          {problem && (
            <p role="alert" className="error">
              {problem.summary}
            </p>
          )}
          {results.data && results.data.items.length > 0 && (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">{t('find.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('columns.guest')}</th>
                    <th scope="col">{t('columns.confirmation')}</th>
                    <th scope="col">{t('columns.roomType')}</th>
                    <th scope="col">{t('columns.stay')}</th>
                    <th scope="col">{t('columns.total')}</th>
                    <th scope="col">{t('columns.status')}</th>
                    <th scope="col">{t('columns.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {results.data.items.map((reservation) => {
                    const guestName = `${reservation.guest.lastName}, ${reservation.guest.firstName}`;
                    return (
                      <tr key={reservation.id}>
                        <th scope="row">
                          {guestName} <VipBadge level={reservation.guest.vipLevel} />
                        </th>
                        <td>
                          <code>{reservation.confirmationNumber}</code>
                        </td>
                        <td>{roomTypes.data?.items.find((type) => type.id === reservation.roomTypeId)?.code}</td>
                        <td>
                          {format.date(reservation.arrival)} → {format.date(reservation.departure)}
                        </td>
                        <td>{format.money(reservation.totalPrice)}</td>
                        <td>{t(`status.${reservation.status}`)}</td>
                        <td className="actions">
                          <RowActions
                            item={{ reservationId: reservation.id, status: reservation.status }}
                            name={guestName}
                          />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
