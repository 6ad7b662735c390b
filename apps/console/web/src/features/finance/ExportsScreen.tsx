import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, downloadUrl } from '../../api';
import { addDays } from '../../shell/format';
import { useProperties } from '../../shell/property';
import { Field, fieldErrors, ProblemAlert } from '../concierge/kit';
import './finance.css';

/** FEC and journal CSV of a period; the browser downloads them through the BFF with its session cookie. */
export function ExportsScreen() {
  const { t } = useTranslation('finance');
  const { properties, property: current } = useProperties();
  const [propertyId, setPropertyId] = useState(current?.id ?? properties[0]?.id ?? '');
  const property = properties.find((entry) => entry.id === propertyId) ?? current;
  const lastClosed = addDays(property?.businessDate ?? new Date().toISOString().slice(0, 10), -1);
  const [from, setFrom] = useState(() => `${lastClosed.slice(0, 8)}01`);
  const [to, setTo] = useState(lastClosed);
  const valid = Boolean(propertyId && from && to && from <= to);
  const query = { from, to };
  // A FEC is named after the company's SIREN and refused without one: ask for it here rather than download an error.
  const settings = useQuery({
    enabled: Boolean(propertyId),
    queryKey: ['billing-bridge', propertyId, 'journal-settings'],
    queryFn: () => api<{ siren: string | null }>('billing-bridge', `/v1/properties/${propertyId}/journal/settings`),
  });
  const sirenMissing = settings.isSuccess && !settings.data.siren;
  return (
    <section aria-labelledby="exports-title">
      <h1 id="exports-title">{t('exports.title')}</h1>
      <div className="panel">
        <p>{t('exports.explain')}</p>
        <div className="toolbar">
          <Field label={t('ledger.property')}>
            {(props) => (
              <select {...props} value={propertyId} onChange={(e) => setPropertyId(e.target.value)}>
                {properties.map((entry) => (
                  <option key={entry.id} value={entry.id}>
                    {entry.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('ledger.from')}>
            {(props) => (
              <input {...props} type="date" required value={from} onChange={(e) => setFrom(e.target.value)} />
            )}
          </Field>
          <Field label={t('ledger.to')} error={from > to ? t('exports.badPeriod') : undefined}>
            {(props) => <input {...props} type="date" required value={to} onChange={(e) => setTo(e.target.value)} />}
          </Field>
        </div>
        {valid ? (
          <div className="download-links">
            {!sirenMissing && (
              <a
                className="button primary"
                download
                href={downloadUrl('billing-bridge', `/v1/properties/${propertyId}/exports/fec`, query)}
              >
                {t('exports.fec')}
              </a>
            )}
            <a
              className="button"
              download
              href={downloadUrl('billing-bridge', `/v1/properties/${propertyId}/exports/journal.csv`, query)}
            >
              {t('exports.journal')}
            </a>
          </div>
        ) : (
          <p className="warn-text">{t('exports.choosePeriod')}</p>
        )}
        <p className="muted">{t('exports.closedOnly')}</p>
      </div>
      {sirenMissing && <SirenForm propertyId={propertyId} />}
    </section>
  );
}

function SirenForm({ propertyId }: { propertyId: string }) {
  const { t } = useTranslation('finance');
  const queryClient = useQueryClient();
  const [siren, setSiren] = useState('');
  const save = useMutation({
    mutationFn: () =>
      api('billing-bridge', `/v1/properties/${propertyId}/journal/settings`, { method: 'PATCH', body: { siren } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['billing-bridge', propertyId, 'journal-settings'] }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form className="panel" onSubmit={submit} aria-labelledby="siren-title">
      <h2 id="siren-title">{t('exports.sirenTitle')}</h2>
      <p className="warn-text">{t('exports.sirenMissing')}</p>
      <div className="toolbar">
        <Field label={t('exports.siren')} error={fieldErrors(save.error, 'siren')} hint={t('exports.sirenHint')}>
          {(props) => (
            <input
              {...props}
              required
              inputMode="numeric"
              pattern="[0-9]{9}"
              value={siren}
              onChange={(e) => setSiren(e.target.value.replace(/\s/g, ''))}
            />
          )}
        </Field>
        <button type="submit" className="primary" disabled={save.isPending}>
          {t('exports.saveSiren')}
        </button>
      </div>
      <ProblemAlert error={save.error} />
    </form>
  );
}
