import { useTranslation } from 'react-i18next';
import { formatInstant, formatLocalDate, formatMoney, localeFor, type UiLanguage } from '../../shell/format';
import { useProperties } from '../../shell/property';
import type { Money } from '../concierge/kit';

/** Chain-wide lists mix properties: each figure is shown in its own property's locale and time zone. */
export function useFinanceFormat() {
  const { i18n } = useTranslation();
  const { properties } = useProperties();
  const byId = new Map(properties.map((property) => [property.id, property]));
  const language = i18n.language as UiLanguage;
  const localeOf = (propertyId?: string) => localeFor(language, byId.get(propertyId ?? '')?.country ?? 'FR');
  return {
    propertyName: (propertyId: string) => byId.get(propertyId)?.name ?? propertyId,
    money: (money: Money | null | undefined, propertyId?: string) =>
      money ? formatMoney(money.amountMinor, money.currency, localeOf(propertyId)) : '—',
    date: (date: string | null | undefined, propertyId?: string) =>
      date ? formatLocalDate(date, localeOf(propertyId)) : '—',
    instant: (instant: string | null | undefined, propertyId?: string) =>
      instant ? formatInstant(instant, localeOf(propertyId), byId.get(propertyId ?? '')?.timezone ?? 'UTC') : '—',
  };
}
