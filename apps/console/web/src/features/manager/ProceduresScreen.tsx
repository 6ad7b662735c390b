import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useProperty } from '../../shell/property';
import { Field, fieldErrors, ProblemAlert, QueryState, useFormatters, type Page } from '../concierge/kit';
import { MESSAGE_PURPOSES, type MessageTemplate } from '../concierge/model';
import type { Procedure } from './model';
import './manager.css';

/** The desk's written procedures and the guest message templates, both versioned by the concierge service. */
export function ProceduresScreen() {
  const { t } = useTranslation('manager');
  return (
    <section aria-labelledby="procedures-title">
      <h1 id="procedures-title">{t('procedures.title')}</h1>
      <Procedures />
      <Templates />
    </section>
  );
}

function Procedures() {
  const { t } = useTranslation('manager');
  const property = useProperty();
  const format = useFormatters();
  const [selected, setSelected] = useState<string>();
  const list = useQuery({
    queryKey: ['concierge', property.id, 'procedures'],
    queryFn: () => api<Page<Procedure>>('concierge', `/v1/properties/${property.id}/procedures`),
  });
  const current = list.data?.items.find((procedure) => procedure.code === selected);
  return (
    <div className="panel">
      <h2>{t('procedures.procedures')}</h2>
      <div className="split">
        <div>
          <QueryState isPending={list.isPending} error={list.error}>
            <ul className="pick">
              {list.data?.items.map((procedure) => (
                <li key={procedure.code}>
                  <button
                    type="button"
                    aria-current={procedure.code === selected}
                    onClick={() => setSelected(procedure.code)}
                  >
                    {procedure.title}
                    <div className="muted">
                      {procedure.code} · v{procedure.version} · {format.instant(procedure.editedAt)}
                    </div>
                  </button>
                </li>
              ))}
            </ul>
          </QueryState>
          <button type="button" onClick={() => setSelected('')}>
            {t('procedures.new')}
          </button>
        </div>
        {selected !== undefined && (
          <ProcedureForm key={selected || 'new'} procedure={current} onSaved={(code) => setSelected(code)} />
        )}
      </div>
    </div>
  );
}

function ProcedureForm({ procedure, onSaved }: { procedure?: Procedure; onSaved: (code: string) => void }) {
  const { t } = useTranslation('manager');
  const property = useProperty();
  const queryClient = useQueryClient();
  const [code, setCode] = useState(procedure?.code ?? '');
  const [title, setTitle] = useState(procedure?.title ?? '');
  const [body, setBody] = useState(procedure?.body ?? '');
  const [changeNote, setChangeNote] = useState('');
  const save = useMutation({
    mutationFn: () =>
      api<Procedure>('concierge', `/v1/properties/${property.id}/procedures/${encodeURIComponent(code)}`, {
        method: 'PUT',
        body: { title, body, changeNote: changeNote || undefined },
      }),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['concierge', property.id, 'procedures'] });
      onSaved(saved.code);
    },
  });
  const err = (field: string) => fieldErrors(save.error, field);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} aria-label={t('procedures.edit')}>
      <div className="form-grid">
        <Field label={t('procedures.code')} error={err('code')} hint={t('procedures.codeHint')}>
          {(props) => (
            <input
              {...props}
              required
              readOnly={Boolean(procedure)}
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
          )}
        </Field>
        <Field className="wide" label={t('procedures.procedureTitle')} error={err('title')}>
          {(props) => <input {...props} required value={title} onChange={(e) => setTitle(e.target.value)} />}
        </Field>
        <Field className="wide" label={t('procedures.body')} error={err('body')}>
          {(props) => <textarea {...props} required rows={10} value={body} onChange={(e) => setBody(e.target.value)} />}
        </Field>
        <Field className="wide" label={t('procedures.changeNote')} error={err('changeNote')}>
          {(props) => <input {...props} value={changeNote} onChange={(e) => setChangeNote(e.target.value)} />}
        </Field>
      </div>
      <ProblemAlert error={save.error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          {t('procedures.save')}
        </button>
        {save.isSuccess && (
          <span role="status" className="ok-text">
            {t('procedures.saved', { version: save.data.version })}
          </span>
        )}
      </div>
    </form>
  );
}

function Templates() {
  const { t } = useTranslation('manager');
  const property = useProperty();
  const [selected, setSelected] = useState<{ purpose: string; language: string }>();
  const list = useQuery({
    queryKey: ['concierge', property.id, 'message-templates', 'all'],
    queryFn: () => api<Page<MessageTemplate>>('concierge', `/v1/properties/${property.id}/message-templates`),
  });
  const current = list.data?.items.find(
    (template) => template.purpose === selected?.purpose && template.language === selected.language,
  );
  return (
    <div className="panel">
      <h2>{t('templates.title')}</h2>
      <div className="split">
        <div>
          <QueryState isPending={list.isPending} error={list.error}>
            <ul className="pick">
              {list.data?.items.map((template) => (
                <li key={template.id}>
                  <button
                    type="button"
                    aria-current={template.purpose === selected?.purpose && template.language === selected.language}
                    onClick={() => setSelected({ purpose: template.purpose, language: template.language })}
                  >
                    {t(`concierge:purpose.${template.purpose}`)} · {template.language}
                    <div className="muted">v{template.version}</div>
                  </button>
                </li>
              ))}
            </ul>
          </QueryState>
          <button type="button" onClick={() => setSelected({ purpose: 'welcome', language: '' })}>
            {t('templates.new')}
          </button>
        </div>
        {selected && (
          <TemplateForm
            key={`${selected.purpose}/${selected.language}`}
            template={current}
            initial={selected}
            onSaved={(saved) => setSelected({ purpose: saved.purpose, language: saved.language })}
          />
        )}
      </div>
    </div>
  );
}

function TemplateForm({
  template,
  initial,
  onSaved,
}: {
  template?: MessageTemplate;
  initial: { purpose: string; language: string };
  onSaved: (saved: MessageTemplate) => void;
}) {
  const { t } = useTranslation('manager');
  const property = useProperty();
  const queryClient = useQueryClient();
  const [purpose, setPurpose] = useState(initial.purpose);
  const [language, setLanguage] = useState(initial.language);
  const [subject, setSubject] = useState(template?.subject ?? '');
  const [body, setBody] = useState(template?.body ?? '');
  const save = useMutation({
    mutationFn: () =>
      api<MessageTemplate>(
        'concierge',
        `/v1/properties/${property.id}/message-templates/${purpose}/${encodeURIComponent(language)}`,
        { method: 'PUT', body: { subject, body } },
      ),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['concierge', property.id, 'message-templates'] });
      onSaved(saved);
    },
  });
  const err = (field: string) => fieldErrors(save.error, field);
  return (
    <form
      aria-label={t('templates.edit')}
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <div className="form-grid">
        <Field label={t('templates.purpose')} error={err('purpose')}>
          {(props) => (
            <select
              {...props}
              disabled={Boolean(template)}
              value={purpose}
              onChange={(e) => setPurpose(e.target.value)}
            >
              {MESSAGE_PURPOSES.map((entry) => (
                <option key={entry} value={entry}>
                  {t(`concierge:purpose.${entry}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('templates.language')} error={err('language')} hint={t('templates.languageHint')}>
          {(props) => (
            <input
              {...props}
              required
              readOnly={Boolean(template)}
              value={language}
              onChange={(e) => setLanguage(e.target.value.trim())}
            />
          )}
        </Field>
        <Field className="wide" label={t('templates.subject')} error={err('subject')}>
          {(props) => <input {...props} required value={subject} onChange={(e) => setSubject(e.target.value)} />}
        </Field>
        <Field
          className="wide"
          label={t('templates.body')}
          error={err('body')}
          hint={
            template
              ? t('templates.placeholders', { names: template.placeholders.map((p) => `{{${p}}}`).join(' ') })
              : undefined
          }
        >
          {(props) => <textarea {...props} required rows={8} value={body} onChange={(e) => setBody(e.target.value)} />}
        </Field>
      </div>
      <ProblemAlert error={save.error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          {t('templates.save')}
        </button>
        {save.isSuccess && (
          <span role="status" className="ok-text">
            {t('procedures.saved', { version: save.data.version })}
          </span>
        )}
      </div>
    </form>
  );
}
