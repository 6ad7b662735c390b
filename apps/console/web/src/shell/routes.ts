import type { ReactElement } from 'react';
import type { StaffRole } from './session';

/** A screen of the console. The navigation shows it only to the roles listed (admin sees everything). */
export interface ConsoleRoute {
  /** Relative to the console root, e.g. 'desk/arrivals'. */
  path: string;
  element: ReactElement;
  roles: StaffRole[];
  /** i18n key of its navigation label, `namespace:key`; routes without one are reachable but not in the menu. */
  navLabel?: string;
  /** Navigation group heading key (`shell:nav.desk`…). */
  navGroup?: string;
}
