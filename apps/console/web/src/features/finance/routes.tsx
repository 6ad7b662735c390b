import type { ConsoleRoute } from '../../shell/routes';
import { ExportsScreen } from './ExportsScreen';
import { FlashScreen } from './FlashScreen';
import { LedgerScreen } from './LedgerScreen';

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
  { path: 'finance/flash', element: <FlashScreen />, roles: FINANCE, navLabel: 'finance:nav.flash', navGroup: GROUP },
  {
    path: 'finance/exports',
    element: <ExportsScreen />,
    roles: FINANCE,
    navLabel: 'finance:nav.exports',
    navGroup: GROUP,
  },
];
