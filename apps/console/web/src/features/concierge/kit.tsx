/**
 * Small building blocks shared by the concierge, manager and finance screens: money and dates in the property's
 * locale, problem+json display with field errors, labelled fields wired to their error, "load more" paging.
 */
import { useInfiniteQuery, type QueryKey } from '@tanstack/react-query';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { formatInstant, formatLocalDate, formatMoney, localeFor, type UiLanguage } from '../../shell/format';
import { useProperties, type Property } from '../../shell/property';
import { useUser } from '../../shell/session';
import './kit.css';

export interface Money {
  amountMinor: number;
  currency: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** The locale the user reads the property's figures in. */
export function usePropertyLocale(property?: Property): string {
  const { i18n } = useTranslation();
  const current = useProperties().property;
  return localeFor(i18n.language as UiLanguage, (property ?? current)?.country ?? 'FR');
}

/** Formatters bound to the user's language and the property's country and time zone. */
export function useFormatters(property?: Property) {
  const current = useProperties().property;
  const target = property ?? current;
  const locale = usePropertyLocale(target);
  const timeZone = target?.timezone ?? 'UTC';
  return {
    locale,
    timeZone,
    money: (money: Money | null | undefined): string =>
      money ? formatMoney(money.amountMinor, money.currency, locale) : '—',
    date: (date: string | null | undefined): string => (date ? formatLocalDate(date, locale) : '—'),
    instant: (instant: string | null | undefined): string => (instant ? formatInstant(instant, locale, timeZone) : '—'),
    number: (value: number, fractionDigits = 0): string =>
      new Intl.NumberFormat(locale, { maximumFractionDigits: fractionDigits }).format(value),
  };
}

/** Messages of one field from a problem+json answer (`errors[]`, or a business rule naming its `field`). */
export function fieldErrors(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const problem = error.problem;
  const messages: string[] = [];
  for (const entry of problem.errors ?? []) {
    const item = entry as { field: string; message?: string; messages?: string[] };
    if (item.field === field || item.field.startsWith(`${field}.`) || item.field.startsWith(`${field}[`)) {
      if (item.message) messages.push(item.message);
      messages.push(...(item.messages ?? []));
    }
  }
  if (problem.field === field && problem.detail) messages.push(problem.detail);
  return messages.length ? messages.join(' ') : undefined;
}

/** An error answer as the user reads it: title, detail and every field problem. */
export function ProblemAlert({ error }: { error: unknown }) {
  const { t } = useTranslation('concierge');
  if (!error) return null;
  if (!(error instanceof ApiError)) {
    return (
      <div className="problem" role="alert">
        {t('kit.failed', { message: error instanceof Error ? error.message : String(error) })}
      </div>
    );
  }
  const { problem } = error;
  const fields = (problem.errors ?? []) as Array<{ field: string; message?: string; messages?: string[] }>;
  return (
    <div className="problem" role="alert">
      <strong>{problem.title}</strong>
      {problem.detail && problem.detail !== problem.title && <span> — {problem.detail}</span>}
      {fields.length > 0 && (
        <ul>
          {fields.map((entry) => (
            <li key={entry.field}>
              <code>{entry.field}</code>: {entry.message ?? entry.messages?.join(' ')}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export interface FieldControlProps {
  id: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

/** A label, its control and the control's error, wired for screen readers. */
export function Field({
  label,
  error,
  hint,
  children,
  className,
}: {
  label: string;
  error?: string;
  hint?: string;
  className?: string;
  children: (props: FieldControlProps) => ReactNode;
}) {
  const id = useId();
  const describedBy = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy || undefined })}
      {hint && (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      )}
      {error && (
        <small id={`${id}-error`} className="field-error">
          {error}
        </small>
      )}
    </div>
  );
}

/** Loading, error or empty states of a list; renders children when there is something to show. */
export function QueryState({
  isPending,
  error,
  empty,
  emptyText,
  children,
}: {
  isPending: boolean;
  error: unknown;
  empty?: boolean;
  emptyText?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation('concierge');
  if (isPending) return <p role="status">{t('kit.loading')}</p>;
  if (error) return <ProblemAlert error={error} />;
  if (empty) return <p className="empty">{emptyText ?? t('kit.empty')}</p>;
  return <>{children}</>;
}

/** A list paged by `nextCursor`, one "load more" at a time. */
export function usePagedList<T>(queryKey: QueryKey, fetchPage: (cursor: string | undefined) => Promise<Page<T>>) {
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  return { ...query, items };
}

export function LoadMore({
  hasNextPage,
  isFetchingNextPage,
  fetchNextPage,
}: {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}) {
  const { t } = useTranslation('concierge');
  if (!hasNextPage) return null;
  return (
    <p className="load-more">
      <button type="button" onClick={() => void fetchNextPage()} disabled={isFetchingNextPage}>
        {isFetchingNextPage ? t('kit.loading') : t('kit.loadMore')}
      </button>
    </p>
  );
}

/** `YYYY-MM-DDTHH:mm` as read on the property's wall clock → the UTC instant (ISO-8601). */
export function wallClockToInstant(local: string, timeZone: string): string {
  const [date, time] = local.split('T');
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  // The zone's offset at that moment, found by formatting the guess back in the zone; two passes settle DST edges.
  let instant = guess;
  for (let pass = 0; pass < 2; pass += 1) {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      })
        .formatToParts(new Date(instant))
        .map((part) => [part.type, part.value]),
    );
    const shown = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute);
    instant = guess - (shown - instant);
  }
  return new Date(instant).toISOString();
}

/** Monday of the week of a local date. */
export function mondayOf(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  const value = new Date(Date.UTC(year, month - 1, day));
  const shift = (value.getUTCDay() + 6) % 7;
  value.setUTCDate(value.getUTCDate() - shift);
  return value.toISOString().slice(0, 10);
}

/** A porter with no other desk role: the services show them luggage work only, and no guest directory. */
export function usePorterOnly(): boolean {
  const user = useUser();
  return (
    user.roles.includes('porter') &&
    !user.roles.some((role) => ['admin', 'front_desk', 'front_office_manager', 'concierge'].includes(role))
  );
}

/** What a lazily loaded screen shows while its code arrives. */
export function Loading() {
  const { t } = useTranslation('concierge');
  return <p role="status">{t('kit.loading')}</p>;
}
