import type { ConsoleRoute } from '../../shell/routes';

/** The desk screens: path under the console, the roles that see them, their nav label (namespace desk). */
export const deskRoutes: ConsoleRoute[] = [];
