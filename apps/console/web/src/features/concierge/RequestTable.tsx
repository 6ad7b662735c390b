import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { api } from '../../api';
import { useProperty } from '../../shell/property';
import { useUser } from '../../shell/session';
import { ProblemAlert, useFormatters, usePorterOnly } from './kit';
import type { Employee, GuestRequest } from './model';
import { useNow } from './useNow';

/** Minutes until the SLA due time, negative once overdue. */
export function minutesLeft(dueAt: string, now: number): number {
  return Math.round((new Date(dueAt).getTime() - now) / 60_000);
}

export function SlaLeft({ request, now }: { request: GuestRequest; now: number }) {
  const { t } = useTranslation('concierge');
  if (request.status === 'done' || request.status === 'cancelled') return <span>—</span>;
  const left = minutesLeft(request.dueAt, now);
  const text =
    left >= 0
      ? t('requests.left', { duration: duration(left, t) })
      : t('requests.overdue', { duration: duration(-left, t) });
  return <span className={left < 0 ? 'danger-text' : left <= 10 ? 'warn-text' : undefined}>{text}</span>;
}

function duration(minutes: number, t: TFunction<'concierge'>): string {
  if (minutes < 60) return t('requests.minutes', { count: minutes });
  return t('requests.hours', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}

/** Employees holding a role, from the concierge's staff directory. */
function useEmployees(role: string, enabled: boolean) {
  const property = useProperty();
  return useQuery({
    enabled,
    queryKey: ['concierge', property.id, 'employees', role],
    queryFn: () =>
      api<{ items: Employee[] }>('concierge', `/v1/properties/${property.id}/employees`, {
        query: { role, limit: 100 },
      }),
  });
}

/** The queue of guest requests, each with its SLA countdown and the next step it allows. */
export function RequestTable({ requests, caption }: { requests: GuestRequest[]; caption: string }) {
  const { t } = useTranslation('concierge');
  const now = useNow();
  const format = useFormatters();
  return (
    <div className="table-scroll">
      <table className="request-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('requests.col.request')}</th>
            <th scope="col">{t('requests.col.guest')}</th>
            <th scope="col">{t('requests.col.status')}</th>
            <th scope="col">{t('requests.col.due')}</th>
            <th scope="col">{t('requests.col.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {requests.map((request) => (
            <tr key={request.id} className={request.escalated ? 'escalated' : undefined}>
              <td>
                <div>
                  <span className={`badge priority-${request.priority}`}>{t(`priority.${request.priority}`)}</span>{' '}
                  <span className="badge">{t(`category.${request.category}`)}</span>{' '}
                  {request.escalated && (
                    <span className="badge danger" title={request.escalationReason ?? undefined}>
                      {t('requests.escalated')}
                    </span>
                  )}
                </div>
                <div>{request.description}</div>
              </td>
              <td>
                {request.guestName ?? '—'}
                {request.roomNumber && <div>{t('requests.room', { room: request.roomNumber })}</div>}
                {request.vipLevel !== 'none' && <span className="badge vip">{request.vipLevel.toUpperCase()}</span>}
              </td>
              <td>
                {t(`status.${request.status}`)}
                {request.assigneeId && <div className="muted">{request.assigneeId}</div>}
              </td>
              <td>
                <SlaLeft request={request} now={now} />
                <div className="muted">{format.instant(request.dueAt)}</div>
              </td>
              <td>
                <RequestActions request={request} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RequestActions({ request }: { request: GuestRequest }) {
  const { t } = useTranslation('concierge');
  const property = useProperty();
  const user = useUser();
  const queryClient = useQueryClient();
  const porterOnly = usePorterOnly();
  const [employeeId, setEmployeeId] = useState('');
  const employees = useEmployees(request.role, !porterOnly);
  const step = useMutation({
    mutationFn: ({ action, body }: { action: 'assign' | 'start' | 'complete'; body?: unknown }) =>
      api('concierge', `/v1/properties/${property.id}/requests/${request.id}/${action}`, {
        method: 'POST',
        body: body ?? {},
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['concierge', property.id] }),
  });
  const busy = step.isPending;
  const active = ['open', 'assigned', 'in_progress', 'deferred'].includes(request.status);
  return (
    <div className="request-actions">
      {active && request.status !== 'in_progress' && !porterOnly && (
        <span className="actions">
          <label className="visually-hidden" htmlFor={`assignee-${request.id}`}>
            {t('requests.assignee', { description: request.description })}
          </label>
          <select id={`assignee-${request.id}`} value={employeeId} onChange={(e) => setEmployeeId(e.target.value)}>
            <option value="">{t('requests.chooseAssignee')}</option>
            {(employees.data?.items ?? [])
              .filter((employee) => employee.active)
              .map((employee) => (
                <option key={employee.employeeId} value={employee.employeeId}>
                  {employee.name}
                </option>
              ))}
          </select>
          <button
            type="button"
            disabled={busy || !employeeId}
            onClick={() => step.mutate({ action: 'assign', body: { employeeId } })}
          >
            {t('requests.assign')}
          </button>
        </span>
      )}
      <span className="actions">
        {active && request.assigneeId !== user.sub && request.status !== 'in_progress' && (
          <button
            type="button"
            disabled={busy}
            onClick={() => step.mutate({ action: 'assign', body: { employeeId: user.sub } })}
          >
            {t('requests.take')}
          </button>
        )}
        {request.status === 'assigned' && (
          <button type="button" disabled={busy} onClick={() => step.mutate({ action: 'start' })}>
            {t('requests.start')}
          </button>
        )}
        {request.status === 'in_progress' && (
          <button type="button" className="primary" disabled={busy} onClick={() => step.mutate({ action: 'complete' })}>
            {t('requests.complete')}
          </button>
        )}
      </span>
      <ProblemAlert error={step.error} />
    </div>
  );
}
