import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { api } from '../../api';
import { addDays } from '../../shell/format';
import { useProperty } from '../../shell/property';
import { Field, fieldErrors, mondayOf, ProblemAlert, QueryState, useFormatters, type Page } from '../concierge/kit';
import {
  SCHEDULED_ROLES,
  type Assignment,
  type DayForecast,
  type DemandItem,
  type Schedule,
  type ScheduleSummary,
} from './model';
import { useStaffEmployees } from './useStaffEmployees';
import './manager.css';

const ROLE_COLORS: Record<string, string> = {
  front_desk: '#0b5cad',
  concierge: '#8a4b00',
  porter: '#1f6b34',
  front_office_manager: '#6b2c91',
  night_auditor: '#4f5a6e',
};

/** The week's schedule: the solver's draft, edited with the rules checked again, then published. */
export function ScheduleScreen() {
  const { t } = useTranslation('manager');
  const property = useProperty();
  const queryClient = useQueryClient();
  const [weekStart, setWeekStart] = useState(() => mondayOf(addDays(property.businessDate, 7)));
  const schedules = useQuery({
    queryKey: ['staffing', property.id, 'schedules', weekStart],
    queryFn: () =>
      api<Page<ScheduleSummary>>('staffing', `/v1/properties/${property.id}/schedules`, {
        query: { weekStart, limit: 10 },
      }),
  });
  const current = schedules.data?.items[0];
  const build = useMutation({
    mutationFn: () =>
      api<Schedule>('staffing', `/v1/properties/${property.id}/schedules`, { method: 'POST', body: { weekStart } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['staffing', property.id, 'schedules'] }),
  });
  return (
    <section aria-labelledby="schedule-title">
      <h1 id="schedule-title">{t('schedule.title')}</h1>
      <div className="toolbar">
        <Field label={t('schedule.weekStart')} error={fieldErrors(build.error, 'weekStart')}>
          {(props) => (
            <input
              {...props}
              type="date"
              value={weekStart}
              onChange={(event) => event.target.value && setWeekStart(event.target.value)}
            />
          )}
        </Field>
        <button type="button" onClick={() => setWeekStart(addDays(weekStart, -7))}>
          {t('schedule.previousWeek')}
        </button>
        <button type="button" onClick={() => setWeekStart(addDays(weekStart, 7))}>
          {t('schedule.nextWeek')}
        </button>
        {!schedules.isPending && !current && (
          <button type="button" className="primary" disabled={build.isPending} onClick={() => build.mutate()}>
            {build.isPending ? t('schedule.building') : t('schedule.build')}
          </button>
        )}
      </div>
      <ProblemAlert error={build.error} />
      <QueryState isPending={schedules.isPending} error={schedules.error}>
        {current ? <ScheduleGrid scheduleId={current.id} /> : <p className="empty">{t('schedule.none')}</p>}
      </QueryState>
      <DemandChart from={weekStart} to={addDays(weekStart, 6)} />
    </section>
  );
}

function ScheduleGrid({ scheduleId }: { scheduleId: string }) {
  const { t } = useTranslation('manager');
  const property = useProperty();
  const format = useFormatters();
  const queryClient = useQueryClient();
  const employees = useStaffEmployees();
  const schedule = useQuery({
    queryKey: ['staffing', property.id, 'schedules', 'detail', scheduleId],
    queryFn: () => api<Schedule>('staffing', `/v1/properties/${property.id}/schedules/${scheduleId}`),
  });
  const refresh = (updated: Schedule) => {
    queryClient.setQueryData(['staffing', property.id, 'schedules', 'detail', scheduleId], updated);
    void queryClient.invalidateQueries({ queryKey: ['staffing', property.id, 'schedules'] });
  };
  const edit = useMutation({
    mutationFn: (body: { add?: unknown[]; remove?: unknown[] }) =>
      api<Schedule>('staffing', `/v1/properties/${property.id}/schedules/${scheduleId}/assignments`, {
        method: 'PATCH',
        body,
      }),
    onSuccess: refresh,
  });
  const publish = useMutation({
    mutationFn: () =>
      api<Schedule>('staffing', `/v1/properties/${property.id}/schedules/${scheduleId}/publish`, { method: 'POST' }),
    onSuccess: refresh,
  });
  if (schedule.isPending || schedule.error || !schedule.data) {
    return (
      <QueryState isPending={schedule.isPending} error={schedule.error}>
        {null}
      </QueryState>
    );
  }
  const data = schedule.data;
  const draft = data.status === 'draft';
  const days = Array.from({ length: data.days }, (_, index) => addDays(data.weekStart, index));
  const names = new Map((employees.data?.items ?? []).map((employee) => [employee.id, employee.name]));
  const rowIds = [
    ...new Set([
      ...data.assignments.map((assignment) => assignment.employeeId),
      ...(employees.data?.items ?? []).filter((employee) => employee.active).map((employee) => employee.id),
    ]),
  ].sort((a, b) => (names.get(a) ?? a).localeCompare(names.get(b) ?? b));
  const name = (id: string) => names.get(id) ?? id;
  const remove = (assignment: Assignment) =>
    edit.mutate({
      remove: [
        { employeeId: assignment.employeeId, role: assignment.role, date: assignment.date, shift: assignment.shift },
      ],
    });
  const time = (instant: string) =>
    new Intl.DateTimeFormat(format.locale, { timeStyle: 'short', timeZone: format.timeZone }).format(new Date(instant));
  return (
    <div className="panel">
      <div className="schedule-head">
        <h2>
          {t('schedule.weekOf', { date: format.date(data.weekStart) })}{' '}
          <span className={`badge ${draft ? '' : 'published'}`}>{t(`schedule.status.${data.status}`)}</span>
        </h2>
        {draft && (
          <button
            type="button"
            className="primary"
            disabled={publish.isPending || data.violations.length > 0}
            onClick={() => publish.mutate()}
          >
            {t('schedule.publish')}
          </button>
        )}
        {data.publishedAt && (
          <span className="muted">{t('schedule.publishedAt', { at: format.instant(data.publishedAt) })}</span>
        )}
      </div>
      {draft && data.violations.length > 0 && (
        <p className="danger-text" role="status">
          {t('schedule.violationsBlock', { count: data.violations.length })}
        </p>
      )}
      <ProblemAlert error={publish.error ?? edit.error} />
      <div className="table-scroll">
        <table className="schedule-grid">
          <caption className="visually-hidden">{t('schedule.gridCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('schedule.employee')}</th>
              {days.map((day) => (
                <th scope="col" key={day}>
                  {new Intl.DateTimeFormat(format.locale, {
                    weekday: 'short',
                    day: 'numeric',
                    month: 'short',
                    timeZone: 'UTC',
                  }).format(new Date(`${day}T00:00:00Z`))}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rowIds.map((employeeId) => {
              const general = data.violations.filter((v) => v.employeeId === employeeId && !v.date);
              return (
                <tr key={employeeId}>
                  <th scope="row">
                    {name(employeeId)}
                    {general.map((violation, index) => (
                      <div key={index} className="violation">
                        {violation.message}
                      </div>
                    ))}
                  </th>
                  {days.map((day) => {
                    const shifts = data.assignments.filter((a) => a.employeeId === employeeId && a.date === day);
                    const violations = data.violations.filter((v) => v.employeeId === employeeId && v.date === day);
                    return (
                      <td key={day} className={violations.length ? 'has-violation' : undefined}>
                        {shifts.map((assignment) => (
                          <div
                            key={`${assignment.shift}-${assignment.role}`}
                            className="shift"
                            style={{ borderColor: ROLE_COLORS[assignment.role] }}
                          >
                            <span>
                              {assignment.shift} · {t(`roles.${assignment.role}`)}
                              <br />
                              <small>
                                {time(assignment.start)}–{time(assignment.end)}
                              </small>
                            </span>
                            {draft && (
                              <button
                                type="button"
                                className="icon"
                                disabled={edit.isPending}
                                aria-label={t('schedule.remove', {
                                  shift: assignment.shift,
                                  name: name(employeeId),
                                  date: format.date(day),
                                })}
                                onClick={() => remove(assignment)}
                              >
                                ×
                              </button>
                            )}
                          </div>
                        ))}
                        {violations.map((violation, index) => (
                          <div key={index} className="violation" role="note">
                            {violation.message}
                          </div>
                        ))}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {draft && (
        <AddShiftForm
          days={days}
          employees={rowIds.map((id) => ({ id, name: name(id) }))}
          shifts={[...new Set(data.assignments.map((a) => a.shift).concat(data.unfilled.map((u) => u.shift)))]}
          pending={edit.isPending}
          error={edit.error}
          onAdd={(assignment) => edit.mutate({ add: [assignment] })}
        />
      )}
      <h3>{t('schedule.unfilled')}</h3>
      {data.unfilled.length === 0 ? (
        <p className="ok-text">{t('schedule.allFilled')}</p>
      ) : (
        <ul className="unfilled">
          {data.unfilled.map((gap, index) => (
            <li key={index}>
              <strong>
                {format.date(gap.date)} · {gap.shift} · {t(`roles.${gap.role}`)}
              </strong>{' '}
              — {t('schedule.missing', { count: gap.missing })} ({gap.explanation})
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function AddShiftForm({
  days,
  employees,
  shifts,
  pending,
  error,
  onAdd,
}: {
  days: string[];
  employees: Array<{ id: string; name: string }>;
  shifts: string[];
  pending: boolean;
  error: unknown;
  onAdd: (assignment: { employeeId: string; role: string; date: string; shift: string }) => void;
}) {
  const { t } = useTranslation('manager');
  const format = useFormatters();
  const [employeeId, setEmployeeId] = useState('');
  const [date, setDate] = useState(days[0]);
  const [shift, setShift] = useState(shifts[0] ?? 'morning');
  const [role, setRole] = useState<string>('front_desk');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onAdd({ employeeId, role, date, shift });
  };
  const err = (field: string) => fieldErrors(error, `add[0].${field}`) ?? fieldErrors(error, field);
  return (
    <form className="add-shift" onSubmit={submit} aria-labelledby="add-shift-title">
      <h3 id="add-shift-title">{t('schedule.addShift')}</h3>
      <div className="form-grid">
        <Field label={t('schedule.employee')} error={err('employeeId')}>
          {(props) => (
            <select {...props} required value={employeeId} onChange={(e) => setEmployeeId(e.target.value)}>
              <option value="">{t('schedule.chooseEmployee')}</option>
              {employees.map((employee) => (
                <option key={employee.id} value={employee.id}>
                  {employee.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('schedule.day')} error={err('date')}>
          {(props) => (
            <select {...props} value={date} onChange={(e) => setDate(e.target.value)}>
              {days.map((day) => (
                <option key={day} value={day}>
                  {format.date(day)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('schedule.shift')} error={err('shift')}>
          {(props) => (
            <>
              <input {...props} list="known-shifts" required value={shift} onChange={(e) => setShift(e.target.value)} />
              <datalist id="known-shifts">
                {shifts.map((entry) => (
                  <option key={entry} value={entry} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <Field label={t('schedule.role')} error={err('role')}>
          {(props) => (
            <select {...props} value={role} onChange={(e) => setRole(e.target.value)}>
              {SCHEDULED_ROLES.map((entry) => (
                <option key={entry} value={entry}>
                  {t(`roles.${entry}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="end">
          <button type="submit" disabled={pending}>
            {t('schedule.add')}
          </button>
        </div>
      </div>
    </form>
  );
}

/** The demand forecast the solver staffs against: people needed per day and role, and the reservations behind it. */
function DemandChart({ from, to }: { from: string; to: string }) {
  const { t } = useTranslation('manager');
  const property = useProperty();
  const format = useFormatters();
  const demand = useQuery({
    queryKey: ['staffing', property.id, 'demand', from, to],
    queryFn: () =>
      api<{ items: DemandItem[]; forecast: DayForecast[] }>(
        'staffing',
        `/v1/properties/${property.id}/staffing/demand`,
        { query: { from, to } },
      ),
  });
  const roles = [...new Set((demand.data?.items ?? []).map((item) => item.role))];
  const byDay = new Map<string, Record<string, number | string>>();
  for (const item of demand.data?.items ?? []) {
    const row = byDay.get(item.date) ?? { day: format.date(item.date) };
    row[item.role] = Number(row[item.role] ?? 0) + item.required;
    byDay.set(item.date, row);
  }
  const staffing = [...byDay.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, row]) => row);
  const forecast = (demand.data?.forecast ?? []).map((day) => ({ ...day, day: format.date(day.date) }));
  return (
    <div className="panel">
      <h2>{t('demand.title')}</h2>
      <QueryState isPending={demand.isPending} error={demand.error} empty={staffing.length === 0}>
        <div className="charts">
          <figure>
            <figcaption>{t('demand.required')}</figcaption>
            <ResponsiveContainer width="100%" height={260}>
              <BarChart data={staffing}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="day" />
                <YAxis allowDecimals={false} />
                <Tooltip />
                <Legend />
                {roles.map((role) => (
                  <Bar key={role} dataKey={role} name={t(`roles.${role}`)} stackId="staff" fill={ROLE_COLORS[role]} />
                ))}
              </BarChart>
            </ResponsiveContainer>
          </figure>
          <figure>
            <figcaption>{t('demand.forecast')}</figcaption>
            <ResponsiveContainer width="100%" height={260}>
              <LineChart data={forecast}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="day" />
                <YAxis allowDecimals={false} />
                <Tooltip />
                <Legend />
                <Line dataKey="arrivals" name={t('demand.arrivals')} stroke="#0b5cad" />
                <Line dataKey="departures" name={t('demand.departures')} stroke="#8a4b00" />
                <Line dataKey="inHouse" name={t('demand.inHouse')} stroke="#1f6b34" />
              </LineChart>
            </ResponsiveContainer>
          </figure>
        </div>
      </QueryState>
    </div>
  );
}
