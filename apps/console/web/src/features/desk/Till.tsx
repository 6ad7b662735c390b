import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, newIdempotencyKey } from '../../api';
import { parseMoney } from '../../shell/format';
import { useProperty } from '../../shell/property';
import { hasAnyRole, useUser } from '../../shell/session';
import { useDeskFormat } from './hooks';
import type { CashierSession, CashierSessionClose, CashierSessionOpened, Page } from './types';
import { Field, fieldError, ProblemAlert, useFocusWhen, useFormProblem } from './ui';

/**
 * Agents may open and close their till but not read tills back (that is the manager's and finance's view), so the
 * open till is remembered in this browser from the answer to opening it; managers also get it from the service.
 */
function storageKey(propertyId: string, agentId: string): string {
  return `console.till.${propertyId}.${agentId}`;
}

function remembered(propertyId: string, agentId: string): CashierSessionOpened | undefined {
  try {
    const text = localStorage.getItem(storageKey(propertyId, agentId));
    return text ? (JSON.parse(text) as CashierSessionOpened) : undefined;
  } catch {
    return undefined;
  }
}

/** The agent's till: open it with a float, see what goes through it, close it blind with the cash counted. */
export function Till() {
  const { t } = useTranslation('desk');
  const property = useProperty();
  const user = useUser();
  const format = useDeskFormat();
  const queryClient = useQueryClient();
  const [session, setSession] = useState(() => remembered(property.id, user.sub));
  const [closed, setClosed] = useState<CashierSessionClose>();
  const isManager = hasAnyRole(user, ['front_office_manager']);
  const managed = useQuery({
    queryKey: ['billing-bridge', property.id, 'cashier-sessions', 'open'],
    queryFn: () =>
      api<Page<CashierSession>>('billing-bridge', `/v1/properties/${property.id}/cashier-sessions`, {
        query: { status: 'open', limit: 500 },
      }),
    enabled: isManager,
  });
  const serverView = managed.data?.items.find((item) => item.agentId === user.sub);
  const current: CashierSessionOpened | undefined = serverView ?? session;
  const remember = (opened: CashierSessionOpened | undefined) => {
    if (opened) localStorage.setItem(storageKey(property.id, user.sub), JSON.stringify(opened));
    else localStorage.removeItem(storageKey(property.id, user.sub));
    setSession(opened);
    void queryClient.invalidateQueries({ queryKey: ['billing-bridge', property.id, 'cashier-sessions'] });
  };
  const outcomeRef = useFocusWhen<HTMLDivElement>(closed);
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
      {current ? (
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
              {serverView && (
                <>
                  <dt>{t('till.cashIn')}</dt>
                  <dd>{format.money(serverView.cashIn)}</dd>
                  <dt>{t('till.cashOut')}</dt>
                  <dd>{format.money(serverView.cashOut)}</dd>
                </>
              )}
            </dl>
            <p className="hint">{t('till.movements')}</p>
          </div>
          <CloseTill
            session={current}
            onClosed={(result) => {
              setClosed(result);
              remember(undefined);
            }}
            onGone={() => remember(undefined)}
          />
        </>
      ) : (
        <OpenTill
          onOpened={(opened) => {
            setClosed(undefined);
            remember(opened);
          }}
        />
      )}
    </section>
  );
}

function OpenTill({ onOpened }: { onOpened: (session: CashierSessionOpened) => void }) {
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
      {problem?.code === 'cashier-session-already-open' && <p>{t('till.openElsewhere')}</p>}
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
  // The night audit may have closed it already: then this browser forgets it and offers to open a new one.
  const gone = problem?.code === 'cashier-session-closed' || problem?.code === 'cashier-session-not-found';
  return (
    <form ref={formRef} onSubmit={submit} className="panel stack" noValidate aria-labelledby="close-till-title">
      <h2 id="close-till-title">{t('till.closeTitle')}</h2>
      <p>{t('till.blind')}</p>
      <ProblemAlert problem={problem} alertRef={alertRef} />
      {gone && (
        <p>
          <button type="button" onClick={onGone}>
            {t('till.forget')}
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
