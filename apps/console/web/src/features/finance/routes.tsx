import { lazy, Suspense } from 'react';
import type { ConsoleRoute } from '../../shell/routes';
import { Loading } from '../concierge/kit';
import { ExportsScreen } from './ExportsScreen';
import { LedgerScreen } from './LedgerScreen';

// The flash report draws charts (recharts): loaded when first opened, not with the rest of the console.
const FlashScreen = lazy(() => import('./FlashScreen').then((module) => ({ default: module.FlashScreen })));

const GROUP = 'shell:nav.finance';
const FINANCE: ConsoleRoute['roles'] = ['finance'];

/** The finance screens: path under the console, the roles that see them, their nav label (namespace finance). */
export const financeRoutes: ConsoleRoute[] = [
  {
    path: 'finance/payments',
    element: <LedgerScreen key="payments" kind="payments" />,
    roles: FINANCE,
    navLabel: 'finance:nav.payments',
    navGroup: GROUP,
  },
  {
    path: 'finance/refunds',
    element: <LedgerScreen key="refunds" kind="refunds" />,
    roles: FINANCE,
    navLabel: 'finance:nav.refunds',
    navGroup: GROUP,
  },
  {
    path: 'finance/folios',
    element: <LedgerScreen key="folios" kind="folios" />,
    roles: FINANCE,
    navLabel: 'finance:nav.folios',
    navGroup: GROUP,
  },
  {
    path: 'finance/city-ledger',
    element: <LedgerScreen key="city-ledger" kind="city-ledger" />,
    roles: FINANCE,
    navLabel: 'finance:nav.cityLedger',
    navGroup: GROUP,
  },
  {
    path: 'finance/flash',
    element: (
      <Suspense fallback={<Loading />}>
        <FlashScreen />
      </Suspense>
    ),
    roles: FINANCE,
    navLabel: 'finance:nav.flash',
    navGroup: GROUP,
  },
  {
    path: 'finance/exports',
    element: <ExportsScreen />,
    roles: FINANCE,
    navLabel: 'finance:nav.exports',
    navGroup: GROUP,
  },
];
