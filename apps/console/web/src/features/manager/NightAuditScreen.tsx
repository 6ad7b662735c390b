import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api';
import { addDays } from '../../shell/format';
import { useProperty } from '../../shell/property';
import { Field, ProblemAlert, QueryState, useFormatters } from '../concierge/kit';
import type { NightAuditReport } from './model';
import './manager.css';

/** Close the business date and read what the audit did, today or for a past date. */
export function NightAuditScreen() {
  const { t } = useTranslation('manager');
  const property = useProperty();
  const queryClient = useQueryClient();
  const [confirmed, setConfirmed] = useState(false);
  const [date, setDate] = useState(() => addDays(property.businessDate, -1));
  const run = useMutation({
    mutationFn: () =>
      api<NightAuditReport>('reservations', `/v1/properties/${property.id}/night-audit`, {
        method: 'POST',
        body: { businessDate: property.businessDate },
      }),
    onSuccess: (report) => {
      setConfirmed(false);
      setDate(report.businessDate);
      queryClient.setQueryData(['reservations', property.id, 'night-audit', report.businessDate], report);
      // The business date moved: the shell's property list carries it.
      void queryClient.invalidateQueries({ queryKey: ['reservations', 'properties'] });
    },
  });
  const report = useQuery({
    queryKey: ['reservations', property.id, 'night-audit', date],
    queryFn: () => api<NightAuditReport>('reservations', `/v1/properties/${property.id}/night-audit/${date}`),
    retry: (count, error) => !(error instanceof ApiError && error.status === 404) && count < 1,
  });
  const format = useFormatters();
  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">{t('audit.title')}</h1>
      <div className="panel">
        <h2>{t('audit.run', { date: format.date(property.businessDate) })}</h2>
        <p>{t('audit.explain')}</p>
        <label>
          <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />{' '}
          {t('audit.confirm', { date: format.date(property.businessDate) })}
        </label>
        <div className="actions">
          <button type="button" className="primary" disabled={!confirmed || run.isPending} onClick={() => run.mutate()}>
            {run.isPending ? t('audit.running') : t('audit.runButton')}
          </button>
        </div>
        <ProblemAlert error={run.error} />
      </div>
      <div className="panel">
        <h2>{t('audit.report')}</h2>
        <div className="toolbar">
          <Field label={t('audit.date')}>
            {(props) => (
              <input {...props} type="date" value={date} onChange={(e) => e.target.value && setDate(e.target.value)} />
            )}
          </Field>
        </div>
        {report.error instanceof ApiError && report.error.status === 404 ? (
          <p className="empty">{t('audit.notRun')}</p>
        ) : (
          <QueryState isPending={report.isPending} error={report.error}>
            {report.data && <AuditReport report={report.data} />}
          </QueryState>
        )}
      </div>
    </section>
  );
}

function AuditReport({ report }: { report: NightAuditReport }) {
  const { t } = useTranslation('manager');
  const format = useFormatters();
  const figures: Array<[string, string]> = [
    [t('audit.businessDate'), format.date(report.businessDate)],
    [t('audit.nextBusinessDate'), format.date(report.nextBusinessDate)],
    [t('audit.roomsSold'), `${report.roomsSold} / ${report.roomsAvailable}`],
    [t('audit.roomsOutOfOrder'), String(report.roomsOutOfOrder)],
    [t('audit.roomNightsPosted'), String(report.roomNightsPosted)],
    [t('audit.roomRevenue'), format.money(report.roomRevenue)],
    [t('audit.noShows'), String(report.noShows)],
    [t('audit.arrivals'), String(report.arrivals)],
    [t('audit.departures'), String(report.departures)],
    [t('audit.groupReleased'), String(report.groupRoomNightsReleased)],
    [t('audit.roomsStatusChanged'), String(report.roomsStatusChanged)],
    [t('audit.runBy'), `${report.runBy} · ${format.instant(report.completedAt)}`],
  ];
  return (
    <>
      <dl className="report-grid">
        {figures.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {report.unassignedInHouse.length > 0 && (
        <p className="warn-text">{t('audit.unassigned', { count: report.unassignedInHouse.length })}</p>
      )}
    </>
  );
}
