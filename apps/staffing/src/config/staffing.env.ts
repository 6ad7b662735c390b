import { ServiceEnv } from '@frontoffice/platform';

/** Staffing settings; everything shared lives in ServiceEnv. */
export class StaffingEnv extends ServiceEnv {}
