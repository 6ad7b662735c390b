import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api';
import { useProperty } from '../../shell/property';
import { useDeskFormat, useRoomTypes } from './hooks';
import type { DeskList, DeskListItem } from './types';
import { QueryState, VipBadge } from './ui';

export type BoardKind = 'arrivals' | 'departures' | 'in-house';

/** Arrivals, departures or in-house guests of a date (the business date unless the agent picks another). */
export function DeskBoard({ kind }: { kind: BoardKind }) {
  const { t } = useTranslation('desk');
  const property = useProperty();
  const format = useDeskFormat();
  const roomTypes = useRoomTypes();
  const [date, setDate] = useState('');
  const effectiveDate = date || property.businessDate;
  const list = useQuery({
    queryKey: ['reservations', property.id, kind, effectiveDate],
    queryFn: () =>
      api<DeskList>('reservations', `/v1/properties/${property.id}/${kind}`, { query: { date: effectiveDate } }),
  });
  const typeCode = (id: string) => roomTypes.data?.items.find((type) => type.id === id)?.code ?? '';
  const groupOf = (item: DeskListItem) => list.data?.groups.find((group) => group.groupBlockId === item.groupBlockId);
  const titleId = `${kind}-title`;
  return (
    <section aria-labelledby={titleId}>
      <h1 id={titleId}>{t(`boards.${kind}.title`)}</h1>
      <form className="toolbar" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor={`${kind}-date`}>{t('boards.date')}</label>
          <input
            id={`${kind}-date`}
            type="date"
            value={effectiveDate}
            onChange={(event) => setDate(event.target.value)}
          />
        </div>
        {date && date !== property.businessDate && (
          <button type="button" onClick={() => setDate('')}>
            {t('boards.today')}
          </button>
        )}
      </form>
      <QueryState isPending={list.isPending} error={list.error} />
      {list.data && (
        <>
          <p className="summary" role="status">
            {t('boards.summary', { count: list.data.items.length, date: format.date(list.data.date) })}{' '}
            {list.data.vipCount > 0 && t('boards.vipCount', { count: list.data.vipCount })}
          </p>
          {list.data.items.length === 0 ? (
            <p>{t(`boards.${kind}.empty`)}</p>
          ) : (
            <div className="table-wrap">
              <table aria-labelledby={titleId}>
                <thead>
                  <tr>
                    <th scope="col">{t('columns.guest')}</th>
                    <th scope="col">{t('columns.confirmation')}</th>
                    <th scope="col">{t('columns.roomType')}</th>
                    <th scope="col">{t('columns.room')}</th>
                    <th scope="col">{t('columns.stay')}</th>
                    <th scope="col">{t('columns.party')}</th>
                    <th scope="col">{t('columns.group')}</th>
                    <th scope="col">{t('columns.status')}</th>
                    <th scope="col">{t('columns.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.map((item) => {
                    const group = groupOf(item);
                    const name = `${item.guest.lastName}, ${item.guest.firstName}`;
                    return (
                      <tr key={item.reservationId} className={item.vip ? 'vip-row' : undefined}>
                        <th scope="row">
                          {name} <VipBadge level={item.guest.vipLevel} />
                        </th>
                        <td>
                          <code>{item.confirmationNumber}</code>
                        </td>
                        <td>{typeCode(item.roomTypeId)}</td>
                        <td>{item.roomNumber ?? '—'}</td>
                        <td className="nowrap">
                          {format.date(item.arrival)} → {format.date(item.departure)}
                        </td>
                        <td>{t('party', { adults: item.adults, children: item.children })}</td>
                        <td>{group ? <span className="badge group">{group.name}</span> : ''}</td>
                        <td>
                          <span className={`status status-${item.status}`}>{t(`status.${item.status}`)}</span>
                        </td>
                        <td className="actions">
                          <RowActions item={item} name={name} />
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

/** The next step for a stay, as links whose names say which guest they are for. */
export function RowActions({ item, name }: { item: Pick<DeskListItem, 'reservationId' | 'status'>; name: string }) {
  const { t } = useTranslation('desk');
  if (item.status === 'confirmed') {
    return (
      <Link
        className="button small"
        to={`/desk/check-in/${item.reservationId}`}
        aria-label={t('actions.checkInFor', { name })}
      >
        {t('actions.checkIn')}
      </Link>
    );
  }
  if (item.status === 'checked_in') {
    return (
      <>
        <Link
          className="button small"
          to={`/desk/check-out/${item.reservationId}`}
          aria-label={t('actions.checkOutFor', { name })}
        >
          {t('actions.checkOut')}
        </Link>{' '}
        <Link
          className="button small"
          to={`/desk/room-move/${item.reservationId}`}
          aria-label={t('actions.moveFor', { name })}
        >
          {t('actions.move')}
        </Link>
      </>
    );
  }
  if (item.status === 'checked_out') {
    return (
      <Link
        className="button small"
        to={`/desk/check-out/${item.reservationId}`}
        aria-label={t('actions.folioFor', { name })}
      >
        {t('actions.folio')}
      </Link>
    );
  }
  return null;
}
