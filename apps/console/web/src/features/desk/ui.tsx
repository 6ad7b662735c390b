import { type ReactNode, type RefObject, useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import type { VipLevel } from './types';

/** What a failed request says, split the way a form shows it: next to each field, and the rest above the form. */
export interface FormProblem {
  summary: string;
  /** The service's machine-readable reason (`no-open-cashier-session`…), when it gave one. */
  code?: string;
  fields: Record<string, string>;
}

/**
 * Services answer validation failures as `errors: [{ field, messages }]` and rule violations as a problem with one
 * `field`; both land next to the input named after that field (nested paths such as `amount.amountMinor` too).
 */
export function toFormProblem(error: unknown, fallback: string): FormProblem {
  if (!(error instanceof ApiError)) return { summary: error instanceof Error ? error.message : fallback, fields: {} };
  const fields: Record<string, string> = {};
  const raw = error.problem.errors as unknown;
  if (Array.isArray(raw)) {
    for (const entry of raw as Array<{ field?: string; message?: string; messages?: string[] }>) {
      const text = entry.messages?.join('; ') ?? entry.message;
      if (entry.field && text) fields[entry.field] = fields[entry.field] ? `${fields[entry.field]}; ${text}` : text;
    }
  }
  const field = error.problem.field;
  if (typeof field === 'string' && error.problem.detail) fields[field] ??= error.problem.detail;
  const code = typeof error.problem.code === 'string' ? error.problem.code : undefined;
  return { summary: error.problem.detail ?? error.problem.title ?? fallback, code, fields };
}

/** The message for an input: its own field, or a nested one (`amount` shows `amount.currency`). */
export function fieldError(problem: FormProblem | undefined, name: string): string | undefined {
  if (!problem) return undefined;
  if (problem.fields[name]) return problem.fields[name];
  const nested = Object.keys(problem.fields).find((key) => key.startsWith(`${name}.`) || key.startsWith(`${name}[`));
  return nested ? problem.fields[nested] : undefined;
}

/**
 * A form's error state: after a failure focus goes to the first input marked invalid, or else to the alert, so a
 * keyboard or screen-reader user lands on what to fix.
 */
export function useFormProblem(): {
  problem: FormProblem | undefined;
  fail: (error: unknown) => void;
  clear: () => void;
  formRef: RefObject<HTMLFormElement | null>;
  alertRef: RefObject<HTMLDivElement | null>;
} {
  const { t } = useTranslation('desk');
  const [problem, setProblem] = useState<FormProblem>();
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!problem) return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (invalid ?? alertRef.current)?.focus();
  }, [problem, attempt]);
  const fail = useCallback(
    (error: unknown) => {
      setProblem(toFormProblem(error, t('errors.generic')));
      setAttempt((count) => count + 1);
    },
    [t],
  );
  const clear = useCallback(() => setProblem(undefined), []);
  return { problem, fail, clear, formRef, alertRef };
}

export function ProblemAlert({
  problem,
  alertRef,
}: {
  problem: FormProblem | undefined;
  alertRef: RefObject<HTMLDivElement | null>;
}) {
  const { t } = useTranslation('desk');
  return (
    <div ref={alertRef} tabIndex={-1} role="alert" className={problem ? 'form-problem' : undefined}>
      {problem && (
        <>
          <p>{problem.summary}</p>
          {Object.keys(problem.fields).length > 0 && <p>{t('errors.fixFields')}</p>}
        </>
      )}
    </div>
  );
}

export interface ControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

/** A labelled input with its hint and its error message wired to it (aria-describedby, aria-invalid). */
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
  children: (props: ControlProps) => ReactNode;
}) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={`field${error ? ' invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': described || undefined })}
      {hint && (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}

export function VipBadge({ level }: { level: VipLevel | undefined }) {
  const { t } = useTranslation('desk');
  if (!level || level === 'none') return null;
  return <span className="badge vip">{t(`vip.${level}`)}</span>;
}

/** A status or loading line read out politely; errors of a query go in an alert. */
export function QueryState({ isPending, error }: { isPending: boolean; error: unknown }) {
  const { t } = useTranslation('desk');
  if (error) {
    return (
      <p role="alert" className="error">
        {toFormProblem(error, t('errors.generic')).summary}
      </p>
    );
  }
  if (isPending) return <p role="status">{t('loading')}</p>;
  return null;
}

/** Moves focus to a heading once `when` becomes true, so results and outcomes are announced and reachable. */
export function useFocusWhen<T extends HTMLElement>(when: unknown): RefObject<T | null> {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (when) ref.current?.focus();
  }, [when]);
  return ref;
}
