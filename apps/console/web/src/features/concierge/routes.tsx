import type { ConsoleRoute } from '../../shell/routes';
import { ComplaintsScreen } from './ComplaintsScreen';
import { LuggageScreen } from './LuggageScreen';
import { MessagesScreen } from './MessagesScreen';
import { RecommendationsScreen } from './RecommendationsScreen';
import { RequestsScreen } from './RequestsScreen';

const GROUP = 'shell:nav.concierge';

/** The concierge screens: path under the console, the roles that see them, their nav label (namespace concierge). */
export const conciergeRoutes: ConsoleRoute[] = [
  {
    path: 'concierge/requests',
    element: <RequestsScreen />,
    roles: ['concierge', 'front_office_manager', 'front_desk'],
    navLabel: 'concierge:nav.requests',
    navGroup: GROUP,
  },
  {
    // Porters see this screen only: luggage tasks and the luggage room.
    path: 'concierge/luggage',
    element: <LuggageScreen />,
    roles: ['porter', 'concierge', 'front_office_manager', 'front_desk'],
    navLabel: 'concierge:nav.luggage',
    navGroup: GROUP,
  },
  {
    path: 'concierge/complaints',
    element: <ComplaintsScreen />,
    roles: ['concierge', 'front_office_manager', 'front_desk'],
    navLabel: 'concierge:nav.complaints',
    navGroup: GROUP,
  },
  {
    path: 'concierge/recommendations',
    element: <RecommendationsScreen />,
    roles: ['concierge', 'front_office_manager', 'front_desk'],
    navLabel: 'concierge:nav.recommendations',
    navGroup: GROUP,
  },
  {
    path: 'concierge/messages',
    element: <MessagesScreen />,
    roles: ['concierge', 'front_office_manager', 'front_desk'],
    navLabel: 'concierge:nav.messages',
    navGroup: GROUP,
  },
];
