import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError, newIdempotencyKey } from '../../api';
import { useProperty } from '../../shell/property';
import { isReady, useDeskFormat, useRooms, useRoomTypes } from './hooks';
import { useReservation } from './stay';
import type { Reservation, StayView } from './types';
import {
  Field,
  fieldError,
  type FormProblem,
  ProblemAlert,
  QueryState,
  useFocusWhen,
  useFormProblem,
  VipBadge,
} from './ui';

/**
 * The ready rooms of a type to choose from; another type than the booked one is offered as an upgrade, which the
 * service records as such (`upgrade: true`).
 */
export function RoomPicker({
  bookedRoomTypeId,
  roomTypeId,
  onRoomTypeChange,
  roomId,
  onRoomChange,
  allowAutomatic,
  excludeRoomId,
  problem,
}: {
  bookedRoomTypeId: string;
  roomTypeId: string;
  onRoomTypeChange: (id: string) => void;
  roomId: string;
  onRoomChange: (id: string) => void;
  allowAutomatic: boolean;
  excludeRoomId?: string | null;
  problem: FormProblem | undefined;
}) {
  const { t } = useTranslation('desk');
  const roomTypes = useRoomTypes();
  const rooms = useRooms();
  const ready = (rooms.data ?? []).filter(
    (room) => room.roomTypeId === roomTypeId && isReady(room) && room.id !== excludeRoomId,
  );
  const upgrade = roomTypeId !== bookedRoomTypeId;
  const roomError = fieldError(problem, 'roomId');
  return (
    <>
      <Field
        label={t('checkIn.roomType')}
        error={fieldError(problem, 'upgrade')}
        hint={upgrade ? t('checkIn.upgradeHint') : undefined}
      >
        {(props) => (
          <select
            {...props}
            value={roomTypeId}
            onChange={(event) => {
              onRoomTypeChange(event.target.value);
              onRoomChange('');
            }}
          >
            {roomTypes.data?.items.map((type) => (
              <option key={type.id} value={type.id}>
                {type.name} ({type.code})
                {type.id === bookedRoomTypeId ? ` — ${t('checkIn.booked')}` : ` — ${t('checkIn.upgrade')}`}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset className="room-choice" aria-describedby={roomError ? 'room-choice-error' : undefined}>
        <legend>{t('checkIn.readyRooms', { count: ready.length })}</legend>
        {rooms.isPending && <p>{t('loading')}</p>}
        {!rooms.isPending && ready.length === 0 && <p>{t('checkIn.noReadyRoom')}</p>}
        <div className="choices">
          {allowAutomatic && !upgrade && (
            <label className="choice">
              <input
                type="radio"
                name="room"
                value=""
                checked={roomId === ''}
                onChange={() => onRoomChange('')}
                aria-invalid={Boolean(roomError)}
              />
              {t('checkIn.anyReady')}
            </label>
          )}
          {ready.map((room) => (
            <label key={room.id} className="choice">
              <input
                type="radio"
                name="room"
                value={room.id}
                checked={roomId === room.id}
                onChange={() => onRoomChange(room.id)}
                aria-invalid={Boolean(roomError)}
              />
              {t('checkIn.roomOption', { number: room.number, status: t(`roomStatus.${room.status}`) })}
            </label>
          ))}
        </div>
        {roomError && (
          <span className="field-error" id="room-choice-error">
            {roomError}
          </span>
        )}
      </fieldset>
    </>
  );
}

export function StaySummary({ reservation }: { reservation: Reservation }) {
  const { t } = useTranslation('desk');
  const format = useDeskFormat();
  const roomTypes = useRoomTypes();
  const rooms = useRooms();
  const type = roomTypes.data?.items.find((candidate) => candidate.id === reservation.roomTypeId);
  const room = rooms.data?.find((candidate) => candidate.id === reservation.roomId);
  return (
    <dl className="facts panel">
      <dt>{t('columns.guest')}</dt>
      <dd>
        {reservation.guest.lastName}, {reservation.guest.firstName} <VipBadge level={reservation.guest.vipLevel} />
      </dd>
      <dt>{t('columns.confirmation')}</dt>
      <dd>
        <code>{reservation.confirmationNumber}</code>
      </dd>
      <dt>{t('columns.stay')}</dt>
      <dd>
        {format.date(reservation.arrival)} → {format.date(reservation.departure)}
      </dd>
      <dt>{t('columns.roomType')}</dt>
      <dd>{type ? `${type.name} (${type.code})` : '—'}</dd>
      <dt>{t('columns.room')}</dt>
      <dd>{room?.number ?? '—'}</dd>
      <dt>{t('columns.party')}</dt>
      <dd>{t('party', { adults: reservation.adults, children: reservation.children })}</dd>
      <dt>{t('columns.status')}</dt>
      <dd>{t(`status.${reservation.status}`)}</dd>
      {reservation.notes && (
        <>
          <dt>{t('booking.notes')}</dt>
          <dd>{reservation.notes}</dd>
        </>
      )}
    </dl>
  );
}

/** Check a confirmed guest in to a ready room of the booked type, or of another type as an upgrade. */
export function CheckIn() {
  const { reservationId } = useParams();
  const { t } = useTranslation('desk');
  const reservation = useReservation(reservationId);
  return (
    <section aria-labelledby="check-in-title">
      <h1 id="check-in-title">{t('checkIn.title')}</h1>
      <QueryState isPending={reservation.isPending} error={reservation.error} />
      {reservation.data && <CheckInForm key={reservation.data.id} reservation={reservation.data} />}
    </section>
  );
}

function CheckInForm({ reservation }: { reservation: Reservation }) {
  const { t } = useTranslation('desk');
  const property = useProperty();
  const queryClient = useQueryClient();
  const [roomTypeId, setRoomTypeId] = useState(reservation.roomTypeId);
  const [roomId, setRoomId] = useState('');
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [done, setDone] = useState<StayView>();
  const { problem, fail, clear, formRef, alertRef } = useFormProblem();
  const outcomeRef = useFocusWhen<HTMLDivElement>(done);
  const upgrade = roomTypeId !== reservation.roomTypeId;
  const checkIn = useMutation({
    mutationFn: () =>
      api<StayView>('reservations', `/v1/properties/${property.id}/reservations/${reservation.id}/check-in`, {
        method: 'POST',
        body: { ...(roomId ? { roomId } : {}), ...(upgrade ? { upgrade: true } : {}) },
        idempotencyKey,
      }),
    onSuccess: (stay) => {
      clear();
      setDone(stay);
      void queryClient.invalidateQueries({ queryKey: ['reservations', property.id] });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status < 500) setIdempotencyKey(newIdempotencyKey());
      fail(error);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (upgrade && !roomId) {
      fail(
        new ApiError({ title: t('checkIn.chooseRoom'), detail: t('checkIn.chooseRoom'), status: 400, field: 'roomId' }),
      );
      return;
    }
    checkIn.mutate();
  };
  if (done) {
    return (
      <div className="panel outcome" ref={outcomeRef} tabIndex={-1} role="status">
        <h2>{t('checkIn.done', { number: done.room?.number ?? '' })}</h2>
        {done.upgraded && <p>{t('checkIn.upgraded')}</p>}
        <p className="actions">
          <Link className="button primary" to={`/desk/check-out/${done.id}`}>
            {t('actions.folio')}
          </Link>{' '}
          <Link className="button" to="/desk/arrivals">
            {t('actions.backToArrivals')}
          </Link>
        </p>
      </div>
    );
  }
  if (reservation.status !== 'confirmed') {
    return (
      <>
        <StaySummary reservation={reservation} />
        <p role="status">{t('checkIn.notConfirmed', { status: t(`status.${reservation.status}`) })}</p>
      </>
    );
  }
  return (
    <>
      <StaySummary reservation={reservation} />
      <form ref={formRef} onSubmit={submit} className="stack" noValidate>
        <ProblemAlert problem={problem} alertRef={alertRef} />
        <RoomPicker
          bookedRoomTypeId={reservation.roomTypeId}
          roomTypeId={roomTypeId}
          onRoomTypeChange={setRoomTypeId}
          roomId={roomId}
          onRoomChange={setRoomId}
          allowAutomatic
          problem={problem}
        />
        <p>
          <button type="submit" className="primary" disabled={checkIn.isPending}>
            {t('checkIn.submit')}
          </button>
        </p>
      </form>
    </>
  );
}

/** Move an in-house guest to another ready room from tonight, with the reason. */
export function RoomMove() {
  const { reservationId } = useParams();
  const { t } = useTranslation('desk');
  const reservation = useReservation(reservationId);
  return (
    <section aria-labelledby="move-title">
      <h1 id="move-title">{t('move.title')}</h1>
      <QueryState isPending={reservation.isPending} error={reservation.error} />
      {reservation.data && <RoomMoveForm key={reservation.data.id} reservation={reservation.data} />}
    </section>
  );
}

function RoomMoveForm({ reservation }: { reservation: Reservation }) {
  const { t } = useTranslation('desk');
  const property = useProperty();
  const queryClient = useQueryClient();
  const rooms = useRooms();
  const currentRoom = rooms.data?.find((room) => room.id === reservation.roomId);
  const [roomTypeId, setRoomTypeId] = useState(currentRoom?.roomTypeId ?? reservation.roomTypeId);
  const [roomId, setRoomId] = useState('');
  const [reason, setReason] = useState('');
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [done, setDone] = useState<StayView>();
  const { problem, fail, clear, formRef, alertRef } = useFormProblem();
  const outcomeRef = useFocusWhen<HTMLDivElement>(done);
  const move = useMutation({
    mutationFn: () =>
      api<StayView>('reservations', `/v1/properties/${property.id}/reservations/${reservation.id}/room-move`, {
        method: 'POST',
        body: {
          roomId,
          ...(reason.trim() ? { reason: reason.trim() } : {}),
          ...(roomTypeId !== reservation.roomTypeId ? { upgrade: true } : {}),
        },
        idempotencyKey,
      }),
    onSuccess: (stay) => {
      clear();
      setDone(stay);
      void queryClient.invalidateQueries({ queryKey: ['reservations', property.id] });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status < 500) setIdempotencyKey(newIdempotencyKey());
      fail(error);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!roomId) {
      fail(
        new ApiError({ title: t('checkIn.chooseRoom'), detail: t('checkIn.chooseRoom'), status: 400, field: 'roomId' }),
      );
      return;
    }
    move.mutate();
  };
  if (done) {
    return (
      <div className="panel outcome" ref={outcomeRef} tabIndex={-1} role="status">
        <h2>{t('move.done', { number: done.room?.number ?? '' })}</h2>
        <p className="actions">
          <Link className="button" to="/desk/in-house">
            {t('actions.backToInHouse')}
          </Link>
        </p>
      </div>
    );
  }
  return (
    <>
      <StaySummary reservation={reservation} />
      {reservation.status !== 'checked_in' ? (
        <p role="status">{t('move.notInHouse')}</p>
      ) : (
        <form ref={formRef} onSubmit={submit} className="stack" noValidate>
          <ProblemAlert problem={problem} alertRef={alertRef} />
          <RoomPicker
            bookedRoomTypeId={reservation.roomTypeId}
            roomTypeId={roomTypeId}
            onRoomTypeChange={setRoomTypeId}
            roomId={roomId}
            onRoomChange={setRoomId}
            allowAutomatic={false}
            excludeRoomId={reservation.roomId}
            problem={problem}
          />
          <Field label={t('move.reason')} error={fieldError(problem, 'reason')}>
            {(props) => <input {...props} value={reason} onChange={(event) => setReason(event.target.value)} />}
          </Field>
          <p>
            <button type="submit" className="primary" disabled={move.isPending}>
              {t('move.submit')}
            </button>
          </p>
        </form>
      )}
    </>
  );
}
