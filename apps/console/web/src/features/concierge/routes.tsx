import type { ConsoleRoute } from '../../shell/routes';

/** The concierge screens: path under the console, the roles that see them, their nav label (namespace concierge). */
export const conciergeRoutes: ConsoleRoute[] = [];
