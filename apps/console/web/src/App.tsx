import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router-dom';
import { conciergeRoutes } from './features/concierge/routes';
import { deskRoutes } from './features/desk/routes';
import { financeRoutes } from './features/finance/routes';
import { managerRoutes } from './features/manager/routes';
import { Layout } from './shell/Layout';
import { PropertyProvider, useProperties } from './shell/property';
import type { ConsoleRoute } from './shell/routes';
import { hasAnyRole, SessionProvider, useSessionQuery, useUser } from './shell/session';

export const ALL_ROUTES: ConsoleRoute[] = [...deskRoutes, ...conciergeRoutes, ...managerRoutes, ...financeRoutes];

export function App() {
  const { t } = useTranslation();
  const session = useSessionQuery();
  if (session.isPending) return <p role="status">{t('loading')}</p>;
  if (session.isError || !session.data?.authenticated || !session.data.user) return <SignIn />;
  return (
    <SessionProvider user={session.data.user}>
      <PropertyProvider>
        <Layout routes={ALL_ROUTES}>
          <Screens />
        </Layout>
      </PropertyProvider>
    </SessionProvider>
  );
}

function Screens() {
  const { t } = useTranslation();
  const user = useUser();
  const { property } = useProperties();
  if (!property) return <p role="status">{t('noProperty')}</p>;
  const allowed = ALL_ROUTES.filter((route) => hasAnyRole(user, route.roles));
  return (
    <Routes>
      {ALL_ROUTES.map((route) => (
        <Route
          key={route.path}
          path={route.path}
          element={hasAnyRole(user, route.roles) ? route.element : <p role="alert">{t('notAllowed')}</p>}
        />
      ))}
      <Route path="*" element={allowed[0] ? <Navigate to={`/${allowed[0].path}`} replace /> : <p>{t('notFound')}</p>} />
    </Routes>
  );
}

function SignIn() {
  const { t } = useTranslation();
  const returnTo = window.location.pathname + window.location.search;
  return (
    <main className="sign-in">
      <h1>{t('signIn.title')}</h1>
      <p>{t('signIn.lead')}</p>
      <a className="button primary" href={`/auth/login?returnTo=${encodeURIComponent(returnTo)}`}>
        {t('signIn.button')}
      </a>
    </main>
  );
}
