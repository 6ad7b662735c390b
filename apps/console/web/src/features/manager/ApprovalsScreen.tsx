import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, newIdempotencyKey } from '../../api';
import { useProperty } from '../../shell/property';
import { LoadMore, ProblemAlert, QueryState, useFormatters, usePagedList, type Page } from '../concierge/kit';
import type { Complaint } from '../concierge/model';
import type { Refund } from './model';
import './manager.css';

/** Money leaving the hotel above what the desk may decide: refunds past the four-eyes threshold, compensations. */
export function ApprovalsScreen() {
  const { t } = useTranslation('manager');
  const property = useProperty();
  const format = useFormatters();
  const refunds = usePagedList<Refund>(['billing-bridge', property.id, 'refunds', 'pending_approval'], (cursor) =>
    api<Page<Refund>>('billing-bridge', `/v1/properties/${property.id}/refunds`, {
      query: { status: 'pending_approval', cursor, limit: 50 },
    }),
  );
  const complaints = usePagedList<Complaint>(['concierge', property.id, 'complaints', 'open'], (cursor) =>
    api<Page<Complaint>>('concierge', `/v1/properties/${property.id}/complaints`, {
      query: { status: 'open', cursor, limit: 50 },
    }),
  );
  const proposed = complaints.items.filter((complaint) => complaint.compensation?.status === 'proposed');
  return (
    <section aria-labelledby="approvals-title">
      <h1 id="approvals-title">{t('approvals.title')}</h1>
      <div className="panel">
        <h2>{t('approvals.refunds')}</h2>
        <QueryState
          isPending={refunds.isPending}
          error={refunds.error}
          empty={refunds.items.length === 0}
          emptyText={t('approvals.noRefunds')}
        >
          <table>
            <caption className="visually-hidden">{t('approvals.refunds')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('approvals.amount')}</th>
                <th scope="col">{t('approvals.method')}</th>
                <th scope="col">{t('approvals.reason')}</th>
                <th scope="col">{t('approvals.requestedBy')}</th>
                <th scope="col">{t('approvals.decision')}</th>
              </tr>
            </thead>
            <tbody>
              {refunds.items.map((refund) => (
                <tr key={refund.id}>
                  <td className="num">{format.money(refund.amount)}</td>
                  <td>{t(`methods.${refund.method}`)}</td>
                  <td>{refund.reason}</td>
                  <td>
                    {refund.requestedBy}
                    <div className="muted">{format.instant(refund.requestedAt)}</div>
                  </td>
                  <td>
                    <RefundDecision refund={refund} label={format.money(refund.amount)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <LoadMore {...refunds} />
        </QueryState>
      </div>
      <div className="panel">
        <h2>{t('approvals.compensations')}</h2>
        <QueryState
          isPending={complaints.isPending}
          error={complaints.error}
          empty={proposed.length === 0}
          emptyText={t('approvals.noCompensations')}
        >
          <table>
            <caption className="visually-hidden">{t('approvals.compensations')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('approvals.amount')}</th>
                <th scope="col">{t('approvals.complaint')}</th>
                <th scope="col">{t('approvals.proposal')}</th>
                <th scope="col">{t('approvals.decision')}</th>
              </tr>
            </thead>
            <tbody>
              {proposed.map((complaint) => (
                <tr key={complaint.id}>
                  <td className="num">{format.money(complaint.compensation!.amount)}</td>
                  <td>
                    {complaint.whatWentWrong}
                    <div className="muted">
                      {complaint.roomNumber ? `${complaint.roomNumber} · ` : ''}“{complaint.guestWords}”
                    </div>
                  </td>
                  <td>
                    {complaint.compensation!.description}
                    <div className="muted">{complaint.compensation!.proposedBy}</div>
                  </td>
                  <td>
                    <CompensationDecision complaint={complaint} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <LoadMore {...complaints} />
        </QueryState>
      </div>
    </section>
  );
}

function RefundDecision({ refund, label }: { refund: Refund; label: string }) {
  const { t } = useTranslation('manager');
  const property = useProperty();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  // One key per decision on this refund: a retried approval is answered once, never issued twice.
  const [key] = useState(newIdempotencyKey);
  const done = () => queryClient.invalidateQueries({ queryKey: ['billing-bridge', property.id] });
  const approve = useMutation({
    mutationFn: () =>
      api('billing-bridge', `/v1/properties/${property.id}/refunds/${refund.id}/approve`, {
        method: 'POST',
        idempotencyKey: key,
      }),
    onSuccess: done,
  });
  const reject = useMutation({
    mutationFn: () =>
      api('billing-bridge', `/v1/properties/${property.id}/refunds/${refund.id}/reject`, {
        method: 'POST',
        body: { reason },
      }),
    onSuccess: done,
  });
  return (
    <div className="request-actions">
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={approve.isPending}
          aria-label={t('approvals.approveRefund', { amount: label })}
          onClick={() => approve.mutate()}
        >
          {t('approvals.approve')}
        </button>
      </div>
      <form
        className="actions"
        onSubmit={(event) => {
          event.preventDefault();
          reject.mutate();
        }}
      >
        <label className="visually-hidden" htmlFor={`refuse-${refund.id}`}>
          {t('approvals.refuseReason', { amount: label })}
        </label>
        <input
          id={`refuse-${refund.id}`}
          required
          placeholder={t('approvals.reasonPlaceholder')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <button type="submit" disabled={reject.isPending} aria-label={t('approvals.refuseRefund', { amount: label })}>
          {t('approvals.refuse')}
        </button>
      </form>
      <ProblemAlert error={approve.error ?? reject.error} />
    </div>
  );
}

function CompensationDecision({ complaint }: { complaint: Complaint }) {
  const { t } = useTranslation('manager');
  const property = useProperty();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const [key] = useState(newIdempotencyKey);
  const decide = useMutation({
    mutationFn: (decision: 'approve' | 'reject') =>
      api('concierge', `/v1/properties/${property.id}/complaints/${complaint.id}/compensation/${decision}`, {
        method: 'POST',
        body: { note: note || undefined },
        idempotencyKey: decision === 'approve' ? key : undefined,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['concierge', property.id, 'complaints'] }),
  });
  return (
    <div className="request-actions">
      <label className="visually-hidden" htmlFor={`note-${complaint.id}`}>
        {t('approvals.note')}
      </label>
      <input
        id={`note-${complaint.id}`}
        placeholder={t('approvals.notePlaceholder')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <div className="actions">
        <button type="button" className="primary" disabled={decide.isPending} onClick={() => decide.mutate('approve')}>
          {t('approvals.approve')}
        </button>
        <button type="button" disabled={decide.isPending} onClick={() => decide.mutate('reject')}>
          {t('approvals.refuse')}
        </button>
      </div>
      <ProblemAlert error={decide.error} />
    </div>
  );
}
