import { lazy, Suspense } from 'react';
import type { ConsoleRoute } from '../../shell/routes';
import { Loading } from '../concierge/kit';
import { AbsencesScreen } from './AbsencesScreen';
import { ApprovalsScreen } from './ApprovalsScreen';
import { NightAuditScreen } from './NightAuditScreen';
import { ProceduresScreen } from './ProceduresScreen';
import { TillsScreen } from './TillsScreen';
import { VipScreen } from './VipScreen';

// The schedule draws charts (recharts): loaded when first opened, not with the rest of the console.
const ScheduleScreen = lazy(() => import('./ScheduleScreen').then((module) => ({ default: module.ScheduleScreen })));

const GROUP = 'shell:nav.manager';
const MANAGER: ConsoleRoute['roles'] = ['front_office_manager'];

/** The manager screens: path under the console, the roles that see them, their nav label (namespace manager). */
export const managerRoutes: ConsoleRoute[] = [
  {
    path: 'manager/schedule',
    element: (
      <Suspense fallback={<Loading />}>
        <ScheduleScreen />
      </Suspense>
    ),
    roles: MANAGER,
    navLabel: 'manager:nav.schedule',
    navGroup: GROUP,
  },
  {
    path: 'manager/absences',
    element: <AbsencesScreen />,
    roles: MANAGER,
    navLabel: 'manager:nav.absences',
    navGroup: GROUP,
  },
  {
    path: 'manager/approvals',
    element: <ApprovalsScreen />,
    roles: MANAGER,
    navLabel: 'manager:nav.approvals',
    navGroup: GROUP,
  },
  { path: 'manager/tills', element: <TillsScreen />, roles: MANAGER, navLabel: 'manager:nav.tills', navGroup: GROUP },
  {
    path: 'manager/night-audit',
    element: <NightAuditScreen />,
    roles: MANAGER,
    navLabel: 'manager:nav.audit',
    navGroup: GROUP,
  },
  {
    path: 'manager/procedures',
    element: <ProceduresScreen />,
    roles: MANAGER,
    navLabel: 'manager:nav.procedures',
    navGroup: GROUP,
  },
  { path: 'manager/vip', element: <VipScreen />, roles: MANAGER, navLabel: 'manager:nav.vip', navGroup: GROUP },
];
