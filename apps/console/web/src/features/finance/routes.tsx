import type { ConsoleRoute } from '../../shell/routes';

/** The finance screens: path under the console, the roles that see them, their nav label (namespace finance). */
export const financeRoutes: ConsoleRoute[] = [];
