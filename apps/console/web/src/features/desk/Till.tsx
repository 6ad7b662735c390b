import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, newIdempotencyKey } from '../../api';
import { parseMoney } from '../../shell/format';
import { useProperty } from '../../shell/property';
import { useDeskFormat } from './hooks';
import type {
  CashierSessionClose,
  CashierSessionOpened,
  CashMovement,
  CashMovementType,
  MyCashierSession,
} from './types';
import { Field, fieldError, ProblemAlert, QueryState, useFocusWhen, useFormProblem } from './ui';

/** The caller's open till from billing; `null` when there is none (404 `no-open-till`), so the screen offers to open one. */
async function fetchMine(propertyId: string): Promise<MyCashierSession | null> {
  try {
    return await api<MyCashierSession>('billing-bridge', `/v1/properties/${propertyId}/cashier-sessions/mine`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404 && error.problem.code === 'no-open-till') return null;
    throw error;
  }
}

/**
 * The agent's till: open it with a float, pay cash in or out of it, close it blind with the cash counted. The till
 * is read back from billing, so it follows the agent from one browser to another.
 */
export function Till() {
  const { t } = useTranslation('desk');
  const property = useProperty();
  const format = useDeskFormat();
  const queryClient = useQueryClient();
  const [closed, setClosed] = useState<CashierSessionClose>();
  const mineKey = ['billing-bridge', property.id, 'cashier-sessions', 'mine'];
  const mine = useQuery({ queryKey: mineKey, queryFn: () => fetchMine(property.id) });
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: ['billing-bridge', property.id, 'cashier-sessions'] });
  const outcomeRef = useFocusWhen<HTMLDivElement>(closed);
  const current = mine.data;
  return (
    <section aria-labelledby="till-title">
      <h1 id="till-title">{t('till.title')}</h1>
      {closed && (
        <div className="panel outcome" ref={outcomeRef} tabIndex={-1} role="status">
          <h2>{t('till.closed')}</h2>
          <dl className="facts">
            <dt>{t('till.expected')}</dt>
            <dd>{format.money(closed.expected)}</dd>
            <dt>{t('till.counted')}</dt>
            <dd>{format.money(closed.counted)}</dd>
            <dt>{t('till.variance')}</dt>
            <dd data-testid="till-variance" className={closed.variance.amountMinor === 0 ? 'clear' : 'owed'}>
              {format.money(closed.variance)}
            </dd>
          </dl>
        </div>
      )}
      <QueryState isPending={mine.isPending} error={mine.error} />
      {current && (
        <>
          <div className="panel">
            <h2>{t('till.open')}</h2>
            <dl className="facts">
              <dt>{t('till.float')}</dt>
              <dd>{format.money(current.float)}</dd>
              <dt>{t('till.openedAt')}</dt>
              <dd>{format.instant(current.openedAt)}</dd>
              <dt>{t('businessDate', { ns: 'shell' })}</dt>
              <dd>{format.date(current.businessDate)}</dd>
              {current.cashIn && (
                <>
                  <dt>{t('till.cashIn')}</dt>
                  <dd>{format.money(current.cashIn)}</dd>
                </>
              )}
              {current.cashOut && (
                <>
                  <dt>{t('till.cashOut')}</dt>
                  <dd>{format.money(current.cashOut)}</dd>
                </>
              )}
              {current.paidIn && (
                <>
                  <dt>{t('till.paidIn')}</dt>
                  <dd>{format.money(current.paidIn)}</dd>
                </>
              )}
              {current.paidOut && (
                <>
                  <dt>{t('till.paidOut')}</dt>
                  <dd>{format.money(current.paidOut)}</dd>
                </>
              )}
              {current.expected && (
                <>
                  <dt>{t('till.expectedSoFar')}</dt>
                  <dd>{format.money(current.expected)}</dd>
                </>
              )}
            </dl>
            <p className="hint">{t('till.movements')}</p>
            <Movements movements={current.movements} />
          </div>
          <MoveCash session={current} onMoved={() => void refresh()} />
          <CloseTill
            session={current}
            onClosed={(result) => {
              setClosed(result);
              queryClient.setQueryData(mineKey, null);
              void refresh();
            }}
            onGone={() => void refresh()}
          />
        </>
      )}
      {current === null && (
        <OpenTill
          onOpened={(opened) => {
            setClosed(undefined);
            queryClient.setQueryData<MyCashierSession>(mineKey, { ...opened, movements: [] });
            void refresh();
          }}
          onFound={() => void refresh()}
        />
      )}
    </section>
  );
}

function Movements({ movements }: { movements: CashMovement[] }) {
  const { t } = useTranslation('desk');
  const format = useDeskFormat();
  if (movements.length === 0) return <p>{t('till.noMovements')}</p>;
  return (
    <table>
      <caption>{t('till.movementsTitle')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('till.at')}</th>
          <th scope="col">{t('till.type')}</th>
          <th scope="col">{t('till.reason')}</th>
          <th scope="col" className="num">
            {t('columns.amount')}
          </th>
        </tr>
      </thead>
      <tbody>
        {movements.map((movement) => (
          <tr key={movement.id}>
            <td>{format.instant(movement.recordedAt)}</td>
            <td>{t(`till.types.${movement.type}`)}</td>
            <th scope="row">{movement.reason}</th>
            <td className="num">
              {format.money(
                movement.type === 'paid_out'
                  ? { ...movement.amount, amountMinor: -movement.amount.amountMinor }
                  : movement.amount,
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function OpenTill({ onOpened, onFound }: { onOpened: (session: CashierSessionOpened) => void; onFound: () => void }) {
  const { t } = useTranslation('desk');
  const property = useProperty();
  const [float, setFloat] = useState('');
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const { problem, fail, clear, formRef, alertRef } = useFormProblem();
  const open = useMutation({
    mutationFn: (amountMinor: number) =>
      api<CashierSessionOpened>('billing-bridge', `/v1/properties/${property.id}/cashier-sessions`, {
        method: 'POST',
        body: { float: { amountMinor, currency: property.currency } },
        idempotencyKey,
      }),
    onSuccess: (session) => {
      clear();
      setIdempotencyKey(newIdempotencyKey());
      onOpened(session);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status < 500) setIdempotencyKey(newIdempotencyKey());
      // Opened meanwhile (another browser, another tab): read it back rather than leave the agent stuck.
      if (error instanceof ApiError && error.problem.code === 'cashier-session-already-open') onFound();
      fail(error);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const amountMinor = parseMoney(float || '0', property.currency);
    if (amountMinor === undefined || amountMinor < 0) {
      fail(new ApiError({ title: t('errors.amount'), detail: t('errors.amount'), status: 400, field: 'float' }));
      return;
    }
    open.mutate(amountMinor);
  };
  return (
    <form ref={formRef} onSubmit={submit} className="panel stack" noValidate aria-labelledby="open-till-title">
      <h2 id="open-till-title">{t('till.openTitle')}</h2>
      <ProblemAlert problem={problem} alertRef={alertRef} />
      <Field label={t('till.floatLabel', { currency: property.currency })} error={fieldError(problem, 'float')}>
        {(props) => (
          <input
            {...props}
            inputMode="decimal"
            className="narrow"
            value={float}
            onChange={(event) => setFloat(event.target.value)}
          />
        )}
      </Field>
      <p>
        <button type="submit" className="primary" disabled={open.isPending}>
          {t('till.openSubmit')}
        </button>
      </p>
    </form>
  );
}

/** Cash in or out of the drawer that is not a folio payment or refund: change from the safe, a delivery paid. */
function MoveCash({ session, onMoved }: { session: MyCashierSession; onMoved: () => void }) {
  const { t } = useTranslation('desk');
  const property = useProperty();
  const format = useDeskFormat();
  const [type, setType] = useState<CashMovementType>('paid_in');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [done, setDone] = useState<CashMovement>();
  const { problem, fail, clear, formRef, alertRef } = useFormProblem();
  const move = useMutation({
    mutationFn: (amountMinor: number) =>
      api<CashMovement>('billing-bridge', `/v1/properties/${property.id}/cashier-sessions/${session.id}/movements`, {
        method: 'POST',
        body: { type, amount: { amountMinor, currency: session.float.currency }, reason: reason.trim() },
        idempotencyKey,
      }),
    onSuccess: (movement) => {
      clear();
      setIdempotencyKey(newIdempotencyKey());
      setAmount('');
      setReason('');
      setDone(movement);
      onMoved();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status < 500) setIdempotencyKey(newIdempotencyKey());
      if (error instanceof ApiError && error.problem.code === 'cashier-session-closed') onMoved();
      setDone(undefined);
      fail(error);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const amountMinor = parseMoney(amount, session.float.currency);
    if (amountMinor === undefined || amountMinor <= 0) {
      fail(new ApiError({ title: t('errors.amount'), detail: t('errors.amount'), status: 400, field: 'amount' }));
      return;
    }
    if (!reason.trim()) {
      fail(new ApiError({ title: t('errors.required'), detail: t('errors.required'), status: 400, field: 'reason' }));
      return;
    }
    move.mutate(amountMinor);
  };
  // A paid-out larger than the drawer holds is a rule on the amount: said next to it, not only above the form.
  const amountError =
    fieldError(problem, 'amount') ?? (problem?.code === 'insufficient-cash' ? t('till.insufficientCash') : undefined);
  return (
    <form ref={formRef} onSubmit={submit} className="panel stack" noValidate aria-labelledby="move-cash-title">
      <h2 id="move-cash-title">{t('till.moveTitle')}</h2>
      <ProblemAlert problem={problem} alertRef={alertRef} />
      {done && (
        <p role="status">
          {t('till.moved', { type: t(`till.types.${done.type}`), amount: format.money(done.amount) })}
        </p>
      )}
      <div className="row">
        <Field label={t('till.type')} error={fieldError(problem, 'type')}>
          {(props) => (
            <select {...props} value={type} onChange={(event) => setType(event.target.value as CashMovementType)}>
              <option value="paid_in">{t('till.types.paid_in')}</option>
              <option value="paid_out">{t('till.types.paid_out')}</option>
            </select>
          )}
        </Field>
        <Field label={t('till.amountLabel', { currency: session.float.currency })} error={amountError}>
          {(props) => (
            <input
              {...props}
              inputMode="decimal"
              required
              className="narrow"
              value={amount}
              onChange={(event) => setAmount(event.target.value)}
            />
          )}
        </Field>
      </div>
      <Field label={t('till.reason')} hint={t('till.reasonHint')} error={fieldError(problem, 'reason')}>
        {(props) => (
          <input
            {...props}
            required
            maxLength={500}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        )}
      </Field>
      <p>
        <button type="submit" disabled={move.isPending}>
          {t('till.moveSubmit')}
        </button>
      </p>
    </form>
  );
}

function CloseTill({
  session,
  onClosed,
  onGone,
}: {
  session: CashierSessionOpened;
  onClosed: (result: CashierSessionClose) => void;
  onGone: () => void;
}) {
  const { t } = useTranslation('desk');
  const property = useProperty();
  const [counted, setCounted] = useState('');
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const { problem, fail, clear, formRef, alertRef } = useFormProblem();
  const close = useMutation({
    mutationFn: (amountMinor: number) =>
      api<CashierSessionClose>('billing-bridge', `/v1/properties/${property.id}/cashier-sessions/${session.id}/close`, {
        method: 'POST',
        body: { countedCash: { amountMinor, currency: session.float.currency } },
        idempotencyKey,
      }),
    onSuccess: (result) => {
      clear();
      onClosed(result);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status < 500) setIdempotencyKey(newIdempotencyKey());
      fail(error);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const amountMinor = parseMoney(counted, session.float.currency);
    if (amountMinor === undefined || amountMinor < 0) {
      fail(new ApiError({ title: t('errors.amount'), detail: t('errors.amount'), status: 400, field: 'countedCash' }));
      return;
    }
    close.mutate(amountMinor);
  };
  // The night audit may have closed it already: reading the till back then offers to open a new one.
  const gone = problem?.code === 'cashier-session-closed' || problem?.code === 'cashier-session-not-found';
  return (
    <form ref={formRef} onSubmit={submit} className="panel stack" noValidate aria-labelledby="close-till-title">
      <h2 id="close-till-title">{t('till.closeTitle')}</h2>
      <p>{t('till.blind')}</p>
      <ProblemAlert problem={problem} alertRef={alertRef} />
      {gone && (
        <p>
          <button type="button" onClick={onGone}>
            {t('till.reload')}
          </button>
        </p>
      )}
      <Field
        label={t('till.countedLabel', { currency: session.float.currency })}
        error={fieldError(problem, 'countedCash')}
      >
        {(props) => (
          <input
            {...props}
            inputMode="decimal"
            required
            className="narrow"
            value={counted}
            onChange={(event) => setCounted(event.target.value)}
          />
        )}
      </Field>
      <p>
        <button type="submit" className="primary" disabled={close.isPending}>
          {t('till.closeSubmit')}
        </button>
      </p>
    </form>
  );
}
