import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useProperty } from '../../shell/property';
import { Field, fieldErrors, ProblemAlert, QueryState, useFormatters, type Page } from '../concierge/kit';
import type { Absence, Assignment, Repair } from './model';
import { useStaffEmployees } from './useStaffEmployees';
import './manager.css';

/** Absences of an employee and the repairs staffing proposes for the published schedules they break. */
export function AbsencesScreen() {
  const { t } = useTranslation('manager');
  const property = useProperty();
  const employees = useStaffEmployees();
  const [employeeId, setEmployeeId] = useState('');
  const absences = useQuery({
    enabled: Boolean(employeeId),
    queryKey: ['staffing', property.id, 'absences', employeeId],
    queryFn: () =>
      api<Page<Absence>>('staffing', `/v1/properties/${property.id}/employees/${employeeId}/absences`, {
        query: { limit: 50 },
      }),
  });
  return (
    <section aria-labelledby="absences-title">
      <h1 id="absences-title">{t('absences.title')}</h1>
      <div className="toolbar">
        <Field label={t('schedule.employee')}>
          {(props) => (
            <select {...props} value={employeeId} onChange={(e) => setEmployeeId(e.target.value)}>
              <option value="">{t('schedule.chooseEmployee')}</option>
              {(employees.data?.items ?? []).map((employee) => (
                <option key={employee.id} value={employee.id}>
                  {employee.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {employeeId && (
        <>
          <AbsenceForm employeeId={employeeId} />
          <div className="panel">
            <h2>{t('absences.list')}</h2>
            <QueryState
              isPending={absences.isPending}
              error={absences.error}
              empty={(absences.data?.items.length ?? 0) === 0}
              emptyText={t('absences.none')}
            >
              {absences.data?.items.map((absence) => (
                <AbsenceCard key={absence.id} absence={absence} />
              ))}
            </QueryState>
          </div>
        </>
      )}
    </section>
  );
}

function AbsenceForm({ employeeId }: { employeeId: string }) {
  const { t } = useTranslation('manager');
  const property = useProperty();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState('sick');
  const [from, setFrom] = useState(property.businessDate);
  const [to, setTo] = useState(property.businessDate);
  const [note, setNote] = useState('');
  const record = useMutation({
    mutationFn: () =>
      api<Absence>('staffing', `/v1/properties/${property.id}/employees/${employeeId}/absences`, {
        method: 'POST',
        body: { kind, from, to, note: note || undefined },
      }),
    onSuccess: () => {
      setNote('');
      void queryClient.invalidateQueries({ queryKey: ['staffing', property.id, 'absences', employeeId] });
    },
  });
  const err = (field: string) => fieldErrors(record.error, field);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate();
  };
  return (
    <form className="panel" onSubmit={submit} aria-labelledby="absence-form-title">
      <h2 id="absence-form-title">{t('absences.record')}</h2>
      <div className="form-grid">
        <Field label={t('absences.kind')} error={err('kind')}>
          {(props) => (
            <select {...props} value={kind} onChange={(e) => setKind(e.target.value)}>
              {['sick', 'holiday', 'other'].map((entry) => (
                <option key={entry} value={entry}>
                  {t(`absences.kinds.${entry}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('absences.from')} error={err('from')}>
          {(props) => <input {...props} type="date" required value={from} onChange={(e) => setFrom(e.target.value)} />}
        </Field>
        <Field label={t('absences.to')} error={err('to')}>
          {(props) => <input {...props} type="date" required value={to} onChange={(e) => setTo(e.target.value)} />}
        </Field>
        <Field label={t('absences.note')} error={err('note')}>
          {(props) => <input {...props} value={note} onChange={(e) => setNote(e.target.value)} />}
        </Field>
      </div>
      <ProblemAlert error={record.error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={record.isPending}>
          {t('absences.save')}
        </button>
        {record.isSuccess && (
          <span role="status" className="ok-text">
            {t('absences.saved', { count: record.data.repairs.length })}
          </span>
        )}
      </div>
    </form>
  );
}

function AbsenceCard({ absence }: { absence: Absence }) {
  const { t } = useTranslation('manager');
  const format = useFormatters();
  return (
    <article className="panel">
      <h3>
        {t(`absences.kinds.${absence.kind}`)} · {format.date(absence.from)} → {format.date(absence.to)}
      </h3>
      {absence.note && <p>{absence.note}</p>}
      {absence.repairs.length === 0 ? (
        <p className="muted">{t('absences.noRepair')}</p>
      ) : (
        absence.repairs.map((repair) => <RepairView key={repair.id} repair={repair} />)
      )}
    </article>
  );
}

function RepairView({ repair }: { repair: Repair }) {
  const { t } = useTranslation('manager');
  const property = useProperty();
  const format = useFormatters();
  const queryClient = useQueryClient();
  const employees = useStaffEmployees();
  const names = new Map((employees.data?.items ?? []).map((employee) => [employee.id, employee.name]));
  const apply = useMutation({
    mutationFn: () =>
      api('staffing', `/v1/properties/${property.id}/schedules/${repair.scheduleId}/repairs/${repair.id}/apply`, {
        method: 'POST',
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['staffing', property.id] }),
  });
  const line = (assignment: Assignment) =>
    `${format.date(assignment.date)} · ${assignment.shift} · ${t(`roles.${assignment.role}`)} · ${
      names.get(assignment.employeeId) ?? assignment.employeeId
    }`;
  return (
    <div className="repair">
      <h4>
        {t('absences.repair')} <span className="badge">{t(`absences.repairStatus.${repair.status}`)}</span>
      </h4>
      <div className="charts">
        <div>
          <strong>{t('absences.removed')}</strong>
          <ul>
            {repair.removed.map((assignment, index) => (
              <li key={index}>{line(assignment)}</li>
            ))}
          </ul>
        </div>
        <div>
          <strong>{t('absences.added')}</strong>
          <ul>
            {repair.added.map((assignment, index) => (
              <li key={index}>{line(assignment)}</li>
            ))}
          </ul>
          {repair.unfilled.length > 0 && (
            <p className="warn-text">
              {repair.unfilled.map((gap) => `${format.date(gap.date)} ${gap.shift}: ${gap.explanation}`).join('; ')}
            </p>
          )}
        </div>
      </div>
      <ProblemAlert error={apply.error} />
      {repair.status === 'proposed' && (
        <button type="button" className="primary" disabled={apply.isPending} onClick={() => apply.mutate()}>
          {t('absences.apply')}
        </button>
      )}
    </div>
  );
}
