import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, newIdempotencyKey } from '../../api';
import { parseMoney } from '../../shell/format';
import { useProperty } from '../../shell/property';
import { GuestPicker } from './GuestPicker';
import { Field, fieldErrors, ProblemAlert, QueryState, useFormatters, wallClockToInstant, type Page } from './kit';
import { RECOMMENDATION_CATEGORIES, type Recommendation, type StayGuest } from './model';
import './concierge.css';

/** Find a place in the guest's language and book it for them; a price is charged to their folio. */
export function RecommendationsScreen() {
  const { t } = useTranslation('concierge');
  const property = useProperty();
  const [guest, setGuest] = useState<StayGuest>();
  const [language, setLanguage] = useState('');
  const [q, setQ] = useState('');
  const [category, setCategory] = useState('');
  const [search, setSearch] = useState({ q: '', category: '', language: '' });
  const [booking, setBooking] = useState<Recommendation>();
  const results = useQuery({
    queryKey: ['concierge', property.id, 'recommendations', search],
    queryFn: () =>
      api<Page<Recommendation>>('concierge', `/v1/properties/${property.id}/recommendations`, {
        query: {
          q: search.q || undefined,
          category: search.category || undefined,
          language: search.language || undefined,
          limit: 50,
        },
      }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSearch({ q: q.trim(), category, language });
  };
  return (
    <section aria-labelledby="recommendations-title">
      <h1 id="recommendations-title">{t('recommendations.title')}</h1>
      <form className="panel" role="search" onSubmit={submit} aria-label={t('recommendations.search')}>
        <div className="form-grid">
          <GuestPicker
            optional
            value={guest?.reservationId ?? ''}
            onChange={(_id, picked) => {
              setGuest(picked);
              setLanguage(picked?.language?.slice(0, 2) ?? '');
            }}
          />
          <Field label={t('recommendations.language')} hint={t('recommendations.languageHint')}>
            {(props) => (
              <input {...props} value={language} maxLength={10} onChange={(e) => setLanguage(e.target.value.trim())} />
            )}
          </Field>
          <Field label={t('recommendations.category')}>
            {(props) => (
              <select {...props} value={category} onChange={(e) => setCategory(e.target.value)}>
                <option value="">{t('recommendations.anyCategory')}</option>
                {RECOMMENDATION_CATEGORIES.map((entry) => (
                  <option key={entry} value={entry}>
                    {t(`recommendationCategory.${entry}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('recommendations.query')}>
            {(props) => <input {...props} type="search" value={q} onChange={(e) => setQ(e.target.value)} />}
          </Field>
        </div>
        <div className="actions">
          <button type="submit" className="primary">
            {t('recommendations.searchButton')}
          </button>
        </div>
      </form>
      <div className="panel">
        <h2>{t('recommendations.results')}</h2>
        <QueryState
          isPending={results.isPending}
          error={results.error}
          empty={(results.data?.items.length ?? 0) === 0}
          emptyText={t('recommendations.none')}
        >
          <ul className="recommendation-list">
            {results.data?.items.map((item) => (
              <li key={item.id}>
                <h3>{item.name}</h3>
                <p>
                  <span className="badge">{t(`recommendationCategory.${item.category}`)}</span>{' '}
                  {item.priceLevel && (
                    <span aria-label={t('recommendations.price', { level: item.priceLevel })}>
                      {'€'.repeat(item.priceLevel)}
                    </span>
                  )}{' '}
                  {item.languages.length > 0 && (
                    <span className="muted">
                      {t('recommendations.spoken', { languages: item.languages.join(', ') })}
                    </span>
                  )}
                </p>
                {item.description && <p>{item.description}</p>}
                <p className="muted">
                  {item.address}
                  {item.phone && ` · ${item.phone}`}
                </p>
                <button
                  type="button"
                  onClick={() => setBooking(item)}
                  aria-label={t('recommendations.bookNamed', { name: item.name })}
                >
                  {t('recommendations.book')}
                </button>
                {booking?.id === item.id && (
                  <BookingForm recommendation={item} guest={guest} onDone={() => setBooking(undefined)} />
                )}
              </li>
            ))}
          </ul>
        </QueryState>
      </div>
    </section>
  );
}

function BookingForm({
  recommendation,
  guest,
  onDone,
}: {
  recommendation: Recommendation;
  guest: StayGuest | undefined;
  onDone: () => void;
}) {
  const { t } = useTranslation('concierge');
  const property = useProperty();
  const format = useFormatters();
  const queryClient = useQueryClient();
  const [reservationId, setReservationId] = useState(guest?.reservationId ?? '');
  const [when, setWhen] = useState('');
  const [partySize, setPartySize] = useState('2');
  const [price, setPrice] = useState('');
  const [description, setDescription] = useState(recommendation.name);
  const [priceError, setPriceError] = useState<string>();
  const [key] = useState(newIdempotencyKey);
  const book = useMutation({
    mutationFn: (amountMinor: number | undefined) =>
      api<{ id: string; price: { amountMinor: number; currency: string } | null }>(
        'concierge',
        `/v1/properties/${property.id}/bookings`,
        {
          method: 'POST',
          idempotencyKey: key,
          body: {
            reservationId,
            recommendationId: recommendation.id,
            description,
            bookedFor: when ? wallClockToInstant(when, property.timezone) : '',
            partySize: Number(partySize),
            price: amountMinor === undefined ? undefined : { amountMinor, currency: property.currency },
            chargeType: 'local_booking',
          },
        },
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['concierge', property.id, 'bookings'] }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    let amountMinor: number | undefined;
    if (price.trim()) {
      amountMinor = parseMoney(price, property.currency);
      if (amountMinor === undefined || amountMinor < 0) {
        setPriceError(t('kit.badAmount'));
        return;
      }
    }
    setPriceError(undefined);
    book.mutate(amountMinor);
  };
  const err = (field: string) => fieldErrors(book.error, field);
  if (book.isSuccess) {
    return (
      <p role="status" className="ok-text">
        {book.data.price
          ? t('recommendations.bookedCharged', { price: format.money(book.data.price) })
          : t('recommendations.booked')}{' '}
        <button type="button" onClick={onDone}>
          {t('kit.close')}
        </button>
      </p>
    );
  }
  return (
    <form onSubmit={submit} aria-label={t('recommendations.bookNamed', { name: recommendation.name })}>
      <div className="form-grid">
        <GuestPicker value={reservationId} error={err('reservationId')} onChange={(id) => setReservationId(id)} />
        <Field label={t('recommendations.when')} error={err('bookedFor')}>
          {(props) => (
            <input {...props} type="datetime-local" required value={when} onChange={(e) => setWhen(e.target.value)} />
          )}
        </Field>
        <Field label={t('recommendations.partySize')} error={err('partySize')}>
          {(props) => (
            <input
              {...props}
              type="number"
              min={1}
              max={500}
              required
              value={partySize}
              onChange={(e) => setPartySize(e.target.value)}
            />
          )}
        </Field>
        <Field
          label={t('recommendations.priceCharged', { currency: property.currency })}
          hint={t('recommendations.priceHint')}
          error={priceError ?? err('price')}
        >
          {(props) => <input {...props} inputMode="decimal" value={price} onChange={(e) => setPrice(e.target.value)} />}
        </Field>
        <Field className="wide" label={t('recommendations.description')} error={err('description')}>
          {(props) => (
            <input {...props} required value={description} onChange={(e) => setDescription(e.target.value)} />
          )}
        </Field>
      </div>
      <ProblemAlert error={book.error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={book.isPending}>
          {t('recommendations.confirmBooking')}
        </button>
        <button type="button" onClick={onDone}>
          {t('kit.cancel')}
        </button>
      </div>
    </form>
  );
}
