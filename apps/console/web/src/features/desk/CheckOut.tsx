import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError, newIdempotencyKey } from '../../api';
import { parseMoney } from '../../shell/format';
import { useProperty } from '../../shell/property';
import { StaySummary } from './CheckIn';
import { useDeskFormat } from './hooks';
import { useReservation } from './stay';
import {
  CHARGE_TYPES,
  type ChargeType,
  DESK_PAYMENT_METHODS,
  type DeskPaymentMethod,
  type Folio,
  type FolioDetail,
  type Page,
  type Payment,
  type Reservation,
  type StayView,
} from './types';
import { Field, fieldError, ProblemAlert, QueryState, useFocusWhen, useFormProblem } from './ui';

/** The stay's folios, what is owed, the charges and payments, and the check-out once everything is paid. */
export function CheckOut() {
  const { reservationId } = useParams();
  const { t } = useTranslation('desk');
  const property = useProperty();
  const reservation = useReservation(reservationId);
  const folios = useQuery({
    queryKey: ['billing-bridge', property.id, 'folios', reservationId],
    queryFn: () =>
      api<Page<Folio>>('billing-bridge', `/v1/properties/${property.id}/folios`, { query: { reservationId } }),
    enabled: Boolean(reservationId),
    // The folio opens when billing hears of the booking (an event away): look again shortly until it is there.
    refetchInterval: (query) => (query.state.data && query.state.data.items.length > 0 ? false : 2_000),
  });
  return (
    <section aria-labelledby="check-out-title">
      <h1 id="check-out-title">{t('checkOut.title')}</h1>
      <QueryState isPending={reservation.isPending} error={reservation.error} />
      {reservation.data && <StaySummary reservation={reservation.data} />}
      <QueryState isPending={folios.isPending} error={folios.error} />
      {folios.data && folios.data.items.length === 0 && <p role="status">{t('checkOut.noFolio')}</p>}
      {folios.data?.items.map((folio) => (
        <FolioPanel key={folio.id} folioId={folio.id} several={folios.data.items.length > 1} />
      ))}
      {reservation.data && folios.data && folios.data.items.length > 0 && (
        <CheckOutAction reservation={reservation.data} folios={folios.data.items} />
      )}
    </section>
  );
}

function CheckOutAction({ reservation, folios }: { reservation: Reservation; folios: Folio[] }) {
  const { t } = useTranslation('desk');
  const property = useProperty();
  const queryClient = useQueryClient();
  const { problem, fail, clear, formRef, alertRef } = useFormProblem();
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [done, setDone] = useState<StayView>();
  const outcomeRef = useFocusWhen<HTMLDivElement>(done);
  const owed = folios.some((folio) => folio.balance.amountMinor > 0);
  const checkOut = useMutation({
    mutationFn: () =>
      api<StayView>('reservations', `/v1/properties/${property.id}/reservations/${reservation.id}/check-out`, {
        method: 'POST',
        idempotencyKey,
      }),
    onSuccess: (stay) => {
      clear();
      setDone(stay);
      void queryClient.invalidateQueries({ queryKey: ['reservations', property.id] });
      void queryClient.invalidateQueries({ queryKey: ['billing-bridge', property.id] });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status < 500) setIdempotencyKey(newIdempotencyKey());
      fail(error);
    },
  });
  if (done || reservation.status === 'checked_out') {
    return (
      <div className="panel outcome" ref={outcomeRef} tabIndex={-1} role="status">
        <h2>{t('checkOut.done')}</h2>
        <p>
          <Link className="button" to="/desk/departures">
            {t('actions.backToDepartures')}
          </Link>
        </p>
      </div>
    );
  }
  if (reservation.status !== 'checked_in') return null;
  return (
    <form
      ref={formRef}
      className="panel stack"
      onSubmit={(event) => {
        event.preventDefault();
        checkOut.mutate();
      }}
    >
      <h2>{t('checkOut.finish')}</h2>
      <ProblemAlert problem={problem} alertRef={alertRef} />
      {owed && (
        <p id="check-out-owed" className="warning">
          {t('checkOut.settleFirst')}
        </p>
      )}
      <p>
        <button
          type="submit"
          className="primary"
          disabled={owed || checkOut.isPending}
          aria-describedby={owed ? 'check-out-owed' : undefined}
        >
          {t('checkOut.submit')}
        </button>
      </p>
    </form>
  );
}

function FolioPanel({ folioId, several }: { folioId: string; several: boolean }) {
  const { t } = useTranslation('desk');
  const property = useProperty();
  const format = useDeskFormat();
  const folio = useQuery({
    queryKey: ['billing-bridge', property.id, 'folio', folioId],
    queryFn: () => api<FolioDetail>('billing-bridge', `/v1/properties/${property.id}/folios/${folioId}`),
  });
  const [refundingId, setRefundingId] = useState<string>();
  const headingId = `folio-${folioId}`;
  if (!folio.data) return <QueryState isPending={folio.isPending} error={folio.error} />;
  const data = folio.data;
  // Looked up in the latest folio so the amount left to refund follows each refund.
  const refunding = data.payments.find((payment) => payment.id === refundingId);
  const open = data.status !== 'settled' && data.status !== 'closed';
  return (
    <section className="panel folio" aria-labelledby={headingId}>
      <h2 id={headingId}>{several ? t('folio.titleWindow', { window: data.window }) : t('folio.title')}</h2>
      <p className="balance">
        {t('folio.balance')}:{' '}
        <strong data-testid="folio-balance" className={data.balance.amountMinor > 0 ? 'owed' : 'clear'}>
          {format.money(data.balance)}
        </strong>{' '}
        <span className="badge">{t(`folio.status.${data.status}`)}</span>
      </p>
      {data.balance.amountMinor < 0 && (
        <p className="warning">
          {t('folio.credit', {
            amount: format.money({ ...data.balance, amountMinor: -data.balance.amountMinor }),
          })}
        </p>
      )}
      <h3>{t('folio.postings')}</h3>
      {data.postings.length === 0 ? (
        <p>{t('folio.noPostings')}</p>
      ) : (
        <table>
          <caption className="visually-hidden">{t('folio.postings')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('columns.date')}</th>
              <th scope="col">{t('columns.description')}</th>
              <th scope="col">{t('columns.chargeType')}</th>
              <th scope="col" className="num">
                {t('columns.amount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.postings.map((posting) => (
              <tr key={posting.id}>
                <td>{format.date(posting.businessDate)}</td>
                <th scope="row">{posting.description}</th>
                <td>{t(`chargeType.${posting.chargeType}`)}</td>
                <td className="num">
                  {format.money(
                    posting.kind === 'allowance'
                      ? { ...posting.amount, amountMinor: -Math.abs(posting.amount.amountMinor) }
                      : posting.amount,
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('folio.payments')}</h3>
      {data.payments.length === 0 ? (
        <p>{t('folio.noPayments')}</p>
      ) : (
        <table>
          <caption className="visually-hidden">{t('folio.payments')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('columns.date')}</th>
              <th scope="col">{t('columns.method')}</th>
              <th scope="col" className="num">
                {t('columns.amount')}
              </th>
              <th scope="col" className="num">
                {t('columns.refunded')}
              </th>
              <th scope="col">{t('columns.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {data.payments.map((payment) => (
              <tr key={payment.id}>
                <td>{format.instant(payment.recordedAt)}</td>
                <th scope="row">
                  {t(`method.${payment.method}`, { defaultValue: payment.method })}
                  {payment.cardLast4 ? ` •••• ${payment.cardLast4}` : ''}
                  {payment.deposit ? ` (${t('folio.deposit')})` : ''}
                </th>
                <td className="num">{format.money(payment.amount)}</td>
                <td className="num">{payment.refunded.amountMinor > 0 ? format.money(payment.refunded) : ''}</td>
                <td>
                  {payment.amount.amountMinor > payment.refunded.amountMinor && (
                    <button
                      type="button"
                      className="small"
                      aria-label={t('refund.openFor', {
                        amount: format.money(payment.amount),
                        method: t(`method.${payment.method}`, { defaultValue: payment.method }),
                      })}
                      onClick={() => setRefundingId(payment.id)}
                    >
                      {t('refund.open')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {refunding && <RefundForm key={refunding.id} payment={refunding} onDone={() => setRefundingId(undefined)} />}
      {open && (
        <div className="two-columns">
          <ChargeForm folio={data} />
          <PaymentForm folio={data} />
        </div>
      )}
    </section>
  );
}

function ChargeForm({ folio }: { folio: FolioDetail }) {
  const { t } = useTranslation('desk');
  const property = useProperty();
  const format = useDeskFormat();
  const queryClient = useQueryClient();
  const [chargeType, setChargeType] = useState<ChargeType>('food_beverage');
  const [amount, setAmount] = useState('');
  const [description, setDescription] = useState('');
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [posted, setPosted] = useState<string>();
  const { problem, fail, clear, formRef, alertRef } = useFormProblem();
  const charge = useMutation({
    mutationFn: (amountMinor: number) =>
      api('billing-bridge', `/v1/properties/${property.id}/folios/${folio.id}/charges`, {
        method: 'POST',
        body: {
          chargeType,
          amount: { amountMinor, currency: folio.balance.currency },
          description: description.trim(),
          reasonCode: 'desk_posting',
        },
        idempotencyKey,
      }),
    onSuccess: (_, amountMinor) => {
      clear();
      setPosted(
        t('folio.chargePosted', {
          amount: format.money({ amountMinor, currency: folio.balance.currency }),
          description: description.trim(),
        }),
      );
      setAmount('');
      setDescription('');
      setIdempotencyKey(newIdempotencyKey());
      void queryClient.invalidateQueries({ queryKey: ['billing-bridge', property.id] });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status < 500) setIdempotencyKey(newIdempotencyKey());
      fail(error);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setPosted(undefined);
    const amountMinor = parseMoney(amount, folio.balance.currency);
    if (amountMinor === undefined || amountMinor <= 0) {
      fail(new ApiError({ title: t('errors.amount'), detail: t('errors.amount'), status: 400, field: 'amount' }));
      return;
    }
    charge.mutate(amountMinor);
  };
  return (
    <form ref={formRef} onSubmit={submit} className="stack" noValidate aria-labelledby={`charge-${folio.id}`}>
      <h3 id={`charge-${folio.id}`}>{t('folio.postCharge')}</h3>
      <ProblemAlert problem={problem} alertRef={alertRef} />
      <Field label={t('folio.chargeType')} error={fieldError(problem, 'chargeType')}>
        {(props) => (
          <select {...props} value={chargeType} onChange={(event) => setChargeType(event.target.value as ChargeType)}>
            {CHARGE_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`chargeType.${type}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('folio.description')} error={fieldError(problem, 'description')}>
        {(props) => (
          <input {...props} required value={description} onChange={(event) => setDescription(event.target.value)} />
        )}
      </Field>
      <Field
        label={t('folio.chargeAmount', { currency: folio.balance.currency })}
        error={fieldError(problem, 'amount')}
      >
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
      <p>
        <button type="submit" disabled={charge.isPending}>
          {t('folio.postChargeSubmit')}
        </button>
      </p>
      <p role="status">{posted}</p>
    </form>
  );
}

function PaymentForm({ folio }: { folio: FolioDetail }) {
  const { t } = useTranslation('desk');
  const property = useProperty();
  const format = useDeskFormat();
  const queryClient = useQueryClient();
  const currency = folio.balance.currency;
  const [method, setMethod] = useState<DeskPaymentMethod>('card');
  const [amount, setAmount] = useState('');
  const [cardLast4, setCardLast4] = useState('');
  const [processorRef, setProcessorRef] = useState('');
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [taken, setTaken] = useState<string>();
  const { problem, fail, clear, formRef, alertRef } = useFormProblem();
  const due = Math.max(folio.balance.amountMinor, 0);
  const pay = useMutation({
    mutationFn: (amountMinor: number) =>
      api<{ id: string }>('billing-bridge', `/v1/properties/${property.id}/folios/${folio.id}/payments`, {
        method: 'POST',
        body: {
          method,
          amount: { amountMinor, currency },
          ...(method === 'card' ? { cardLast4: cardLast4.trim(), processorRef: processorRef.trim() } : {}),
        },
        idempotencyKey,
      }),
    onSuccess: (_, amountMinor) => {
      clear();
      setTaken(
        t('folio.paymentTaken', { amount: format.money({ amountMinor, currency }), method: t(`method.${method}`) }),
      );
      setAmount('');
      setCardLast4('');
      setProcessorRef('');
      setIdempotencyKey(newIdempotencyKey());
      void queryClient.invalidateQueries({ queryKey: ['billing-bridge', property.id] });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status < 500) setIdempotencyKey(newIdempotencyKey());
      fail(error);
    },
  });
  const noTill = problem?.code === 'no-open-cashier-session';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTaken(undefined);
    const amountMinor = amount.trim() === '' ? due : parseMoney(amount, currency);
    if (amountMinor === undefined || amountMinor <= 0) {
      fail(new ApiError({ title: t('errors.amount'), detail: t('errors.amount'), status: 400, field: 'amount' }));
      return;
    }
    pay.mutate(amountMinor);
  };
  return (
    <form ref={formRef} onSubmit={submit} className="stack" noValidate aria-labelledby={`pay-${folio.id}`}>
      <h3 id={`pay-${folio.id}`}>{t('folio.takePayment')}</h3>
      <ProblemAlert problem={problem} alertRef={alertRef} />
      {noTill && (
        <p>
          <Link to="/desk/till">{t('folio.openTill')}</Link>
        </p>
      )}
      <fieldset>
        <legend>{t('folio.method')}</legend>
        <div className="choices inline">
          {DESK_PAYMENT_METHODS.map((candidate) => (
            <label key={candidate} className="choice">
              <input
                type="radio"
                name={`method-${folio.id}`}
                value={candidate}
                checked={method === candidate}
                onChange={() => setMethod(candidate)}
              />
              {t(`method.${candidate}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <Field
        label={t('folio.paymentAmount', { currency })}
        error={fieldError(problem, 'amount')}
        hint={t('folio.paymentAmountHint', { amount: format.money({ amountMinor: due, currency }) })}
      >
        {(props) => (
          <input
            {...props}
            inputMode="decimal"
            className="narrow"
            value={amount}
            onChange={(event) => setAmount(event.target.value)}
          />
        )}
      </Field>
      {method === 'card' && (
        <div className="row">
          <Field label={t('folio.cardLast4')} error={fieldError(problem, 'cardLast4')}>
            {(props) => (
              <input
                {...props}
                inputMode="numeric"
                maxLength={4}
                autoComplete="off"
                className="narrow"
                value={cardLast4}
                onChange={(event) => setCardLast4(event.target.value)}
              />
            )}
          </Field>
          <Field
            label={t('folio.processorRef')}
            error={fieldError(problem, 'processorRef')}
            hint={t('folio.processorRefHint')}
          >
            {(props) => (
              <input
                {...props}
                autoComplete="off"
                value={processorRef}
                onChange={(event) => setProcessorRef(event.target.value)}
              />
            )}
          </Field>
        </div>
      )}
      <p>
        <button type="submit" className="primary" disabled={pay.isPending}>
          {t('folio.takePaymentSubmit')}
        </button>
      </p>
      <p role="status">{taken}</p>
    </form>
  );
}

/**
 * Money back to the guest on one payment (a cash refund leaves the agent's till); the service issues it at once or
 * holds it for a manager's approval above the property's threshold.
 */
function RefundForm({ payment, onDone }: { payment: Payment; onDone: () => void }) {
  const { t } = useTranslation('desk');
  const property = useProperty();
  const format = useDeskFormat();
  const queryClient = useQueryClient();
  const currency = payment.amount.currency;
  const left = payment.amount.amountMinor - payment.refunded.amountMinor;
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [outcome, setOutcome] = useState<string>();
  const { problem, fail, clear, formRef, alertRef } = useFormProblem();
  const headingRef = useFocusWhen<HTMLHeadingElement>(payment.id);
  const refund = useMutation({
    mutationFn: (amountMinor: number) =>
      api<{ id: string; status: 'issued' | 'pending_approval' }>(
        'billing-bridge',
        `/v1/properties/${property.id}/payments/${payment.id}/refunds`,
        { method: 'POST', body: { amount: { amountMinor, currency }, reason: reason.trim() }, idempotencyKey },
      ),
    onSuccess: (answer, amountMinor) => {
      clear();
      setOutcome(t(`refund.${answer.status}`, { amount: format.money({ amountMinor, currency }) }));
      setIdempotencyKey(newIdempotencyKey());
      void queryClient.invalidateQueries({ queryKey: ['billing-bridge', property.id] });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status < 500) setIdempotencyKey(newIdempotencyKey());
      fail(error);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const amountMinor = amount.trim() === '' ? left : parseMoney(amount, currency);
    if (amountMinor === undefined || amountMinor <= 0) {
      fail(new ApiError({ title: t('errors.amount'), detail: t('errors.amount'), status: 400, field: 'amount' }));
      return;
    }
    refund.mutate(amountMinor);
  };
  return (
    <form ref={formRef} onSubmit={submit} className="panel stack refund" noValidate>
      <h3 ref={headingRef} tabIndex={-1}>
        {t('refund.title', {
          amount: format.money(payment.amount),
          method: t(`method.${payment.method}`, { defaultValue: payment.method }),
        })}
      </h3>
      <ProblemAlert problem={problem} alertRef={alertRef} />
      {problem?.code === 'no-open-cashier-session' && (
        <p>
          <Link to="/desk/till">{t('folio.openTill')}</Link>
        </p>
      )}
      <Field
        label={t('refund.amount', { currency })}
        error={fieldError(problem, 'amount')}
        hint={t('refund.amountHint', { amount: format.money({ amountMinor: left, currency }) })}
      >
        {(props) => (
          <input
            {...props}
            inputMode="decimal"
            className="narrow"
            value={amount}
            onChange={(event) => setAmount(event.target.value)}
          />
        )}
      </Field>
      <Field label={t('refund.reason')} error={fieldError(problem, 'reason')}>
        {(props) => <input {...props} required value={reason} onChange={(event) => setReason(event.target.value)} />}
      </Field>
      <p>
        <button type="submit" className="primary" disabled={refund.isPending}>
          {t('refund.submit')}
        </button>{' '}
        <button type="button" onClick={onDone}>
          {t('refund.cancel')}
        </button>
      </p>
      <p role="status">{outcome}</p>
    </form>
  );
}
