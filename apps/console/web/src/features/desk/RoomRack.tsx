import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useProperty } from '../../shell/property';
import { useDeskFormat, useRooms, useRoomTypes } from './hooks';
import { type DeskList, type Room, ROOM_STATUSES, type RoomStatus, SETTABLE_ROOM_STATUSES } from './types';
import { Field, fieldError, ProblemAlert, QueryState, useFormProblem } from './ui';

/** Every room by floor with its housekeeping status and who is in it; the desk changes statuses from here. */
export function RoomRack() {
  const { t } = useTranslation('desk');
  const property = useProperty();
  const rooms = useRooms();
  const roomTypes = useRoomTypes();
  const [filter, setFilter] = useState<RoomStatus | ''>('');
  const inHouse = useQuery({
    queryKey: ['reservations', property.id, 'in-house', property.businessDate],
    queryFn: () =>
      api<DeskList>('reservations', `/v1/properties/${property.id}/in-house`, {
        query: { date: property.businessDate },
      }),
  });
  const guestIn = (room: Room) => {
    const stay = inHouse.data?.items.find((item) => item.roomId === room.id);
    return stay ? `${stay.guest.lastName}, ${stay.guest.firstName}` : undefined;
  };
  const shown = (rooms.data ?? []).filter((room) => !filter || room.status === filter);
  const floors = new Map<string, Room[]>();
  for (const room of shown) {
    const floor = room.floor === null ? '' : String(room.floor);
    floors.set(floor, [...(floors.get(floor) ?? []), room]);
  }
  const counts = Object.fromEntries(
    ROOM_STATUSES.map((status) => [status, (rooms.data ?? []).filter((room) => room.status === status).length]),
  );
  return (
    <section aria-labelledby="rack-title">
      <h1 id="rack-title">{t('rack.title')}</h1>
      <form className="toolbar" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor="rack-filter">{t('rack.filter')}</label>
          <select
            id="rack-filter"
            value={filter}
            onChange={(event) => setFilter(event.target.value as RoomStatus | '')}
          >
            <option value="">{t('rack.allRooms', { count: rooms.data?.length ?? 0 })}</option>
            {ROOM_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`roomStatus.${status}`)} ({counts[status]})
              </option>
            ))}
          </select>
        </div>
      </form>
      <QueryState isPending={rooms.isPending} error={rooms.error} />
      {[...floors]
        .sort(([a], [b]) => Number(a || Infinity) - Number(b || Infinity))
        .map(([floor, floorRooms]) => (
          <section key={floor} aria-labelledby={`floor-${floor || 'none'}`} className="floor">
            <h2 id={`floor-${floor || 'none'}`}>{floor ? t('rack.floor', { floor }) : t('rack.noFloor')}</h2>
            <ul className="rack">
              {floorRooms.map((room) => (
                <li key={room.id} className={`room-card status-${room.status}`}>
                  <RoomCard
                    room={room}
                    typeCode={roomTypes.data?.items.find((type) => type.id === room.roomTypeId)?.code ?? ''}
                    guest={guestIn(room)}
                  />
                </li>
              ))}
            </ul>
          </section>
        ))}
    </section>
  );
}

function RoomCard({ room, typeCode, guest }: { room: Room; typeCode: string; guest: string | undefined }) {
  const { t } = useTranslation('desk');
  const property = useProperty();
  const format = useDeskFormat();
  const queryClient = useQueryClient();
  // A room back from out of order or an occupied one goes to housekeeping first: vacant-dirty is the likely next step.
  const [status, setStatus] = useState<RoomStatus>(
    room.status === 'occupied' || room.status === 'out_of_order' ? 'vacant_dirty' : room.status,
  );
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState('');
  const { problem, fail, clear, formRef, alertRef } = useFormProblem();
  const change = useMutation({
    mutationFn: () =>
      api<Room>('reservations', `/v1/properties/${property.id}/rooms/${room.id}/status`, {
        method: 'PATCH',
        body:
          status === 'out_of_order' ? { status, reason: reason.trim(), ...(until ? { to: until } : {}) } : { status },
      }),
    onSuccess: () => {
      clear();
      setReason('');
      setUntil('');
      void queryClient.invalidateQueries({ queryKey: ['reservations', property.id, 'rooms'] });
    },
    onError: fail,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate();
  };
  return (
    <>
      <h3>
        {t('rack.room', { number: room.number })} <span className="type-code">{typeCode}</span>
      </h3>
      <p className="room-status">{t(`roomStatus.${room.status}`)}</p>
      {guest && <p className="guest">{guest}</p>}
      {room.outOfOrder && (
        <p className="ooo">
          {room.outOfOrder.reason} ({format.date(room.outOfOrder.from)}
          {room.outOfOrder.to ? ` → ${format.date(room.outOfOrder.to)}` : ''})
        </p>
      )}
      {room.status !== 'occupied' && (
        <form ref={formRef} onSubmit={submit} className="room-form" noValidate>
          <ProblemAlert problem={problem} alertRef={alertRef} />
          <Field label={t('rack.newStatus', { number: room.number })} error={fieldError(problem, 'status')}>
            {(props) => (
              <select {...props} value={status} onChange={(event) => setStatus(event.target.value as RoomStatus)}>
                {SETTABLE_ROOM_STATUSES.map((candidate) => (
                  <option key={candidate} value={candidate}>
                    {t(`roomStatus.${candidate}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {status === 'out_of_order' && (
            <>
              <Field label={t('rack.reason')} error={fieldError(problem, 'reason')}>
                {(props) => <input {...props} value={reason} onChange={(event) => setReason(event.target.value)} />}
              </Field>
              <Field label={t('rack.until')} error={fieldError(problem, 'to')} hint={t('rack.untilHint')}>
                {(props) => (
                  <input
                    {...props}
                    type="date"
                    min={property.businessDate}
                    value={until}
                    onChange={(event) => setUntil(event.target.value)}
                  />
                )}
              </Field>
            </>
          )}
          <button type="submit" disabled={change.isPending} aria-label={t('rack.updateRoom', { number: room.number })}>
            {t('rack.update')}
          </button>
        </form>
      )}
    </>
  );
}
