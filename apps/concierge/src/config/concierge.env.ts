import { ServiceEnv } from '@frontoffice/platform';

/** Concierge settings; everything shared lives in ServiceEnv. */
export class ConciergeEnv extends ServiceEnv {}
