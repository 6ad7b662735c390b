import i18next, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { UiLanguage } from '../shell/format';
import { shellMessages } from './shell-messages';
import { deskMessages } from '../features/desk/messages';
import { conciergeMessages } from '../features/concierge/messages';
import { managerMessages } from '../features/manager/messages';
import { financeMessages } from '../features/finance/messages';

/** Each feature keeps its own strings (`features/<feature>/messages.ts`, one namespace per feature) in en and fr. */
export type Messages = { en: Record<string, unknown>; fr: Record<string, unknown> };
const namespaces: Record<string, Messages> = {
  shell: shellMessages,
  desk: deskMessages,
  concierge: conciergeMessages,
  manager: managerMessages,
  finance: financeMessages,
};

const STORAGE_KEY = 'console.language';
export const LANGUAGES: UiLanguage[] = ['en', 'fr'];

export function storedLanguage(): UiLanguage {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === 'en' || stored === 'fr') return stored;
  return navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export async function setLanguage(language: UiLanguage): Promise<void> {
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  await i18next.changeLanguage(language);
}

export async function initI18n(): Promise<void> {
  const resources: Resource = { en: {}, fr: {} };
  for (const [namespace, messages] of Object.entries(namespaces)) {
    resources.en[namespace] = messages.en as Resource[string][string];
    resources.fr[namespace] = messages.fr as Resource[string][string];
  }
  const language = storedLanguage();
  document.documentElement.lang = language;
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    defaultNS: 'shell',
    ns: Object.keys(namespaces),
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}
