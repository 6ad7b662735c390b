import type { ConsoleRoute } from '../../shell/routes';

/** The manager screens: path under the console, the roles that see them, their nav label (namespace manager). */
export const managerRoutes: ConsoleRoute[] = [];
