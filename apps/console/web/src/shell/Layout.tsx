import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';
import { bff } from '../api';
import { LANGUAGES, setLanguage } from '../i18n';
import { formatLocalDate, localeFor, type UiLanguage } from './format';
import { useLiveUpdates } from './live';
import { useProperties } from './property';
import type { ConsoleRoute } from './routes';
import { hasAnyRole, useUser } from './session';

/** The frame of every screen: who is signed in, which property and business date, the menu their roles allow. */
export function Layout({ routes, children }: { routes: ConsoleRoute[]; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const user = useUser();
  const { properties, property, select } = useProperties();
  const live = useLiveUpdates();
  const language = i18n.language as UiLanguage;
  const groups = new Map<string, ConsoleRoute[]>();
  for (const route of routes.filter((candidate) => candidate.navLabel && hasAnyRole(user, candidate.roles))) {
    const group = route.navGroup ?? 'shell:nav.desk';
    groups.set(group, [...(groups.get(group) ?? []), route]);
  }
  const signOut = async (): Promise<void> => {
    const { redirectTo } = await bff<{ redirectTo: string }>('/auth/logout', { method: 'POST' });
    window.location.assign(redirectTo);
  };
  return (
    <div className="layout">
      <a className="skip-link" href="#content">
        {t('skipToContent')}
      </a>
      <header className="topbar">
        <span className="brand">{t('appName')}</span>
        <label>
          {t('property')}{' '}
          <select value={property?.id ?? ''} onChange={(event) => select(event.target.value)}>
            {properties.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name}
              </option>
            ))}
          </select>
        </label>
        {property && (
          <span className="business-date" data-testid="business-date">
            {t('businessDate')}:{' '}
            <strong>{formatLocalDate(property.businessDate, localeFor(language, property.country), 'long')}</strong>
          </span>
        )}
        <span className={`live live-${live}`} role="status">
          {t(`live.${live}`)}
        </span>
        <label>
          {t('language')}{' '}
          <select value={language} onChange={(event) => void setLanguage(event.target.value as UiLanguage)}>
            {LANGUAGES.map((candidate) => (
              <option key={candidate} value={candidate}>
                {candidate === 'fr' ? 'Français' : 'English'}
              </option>
            ))}
          </select>
        </label>
        <span className="user">{user.name}</span>
        <button type="button" onClick={() => void signOut()}>
          {t('signOut')}
        </button>
      </header>
      <nav className="sidebar" aria-label={t('nav.main')}>
        {[...groups].map(([group, entries]) => (
          <section key={group}>
            <h2>{t(group)}</h2>
            <ul>
              {entries.map((route) => (
                <li key={route.path}>
                  <NavLink to={`/${route.path}`}>{t(route.navLabel!)}</NavLink>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </nav>
      <main id="content" className="content" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
