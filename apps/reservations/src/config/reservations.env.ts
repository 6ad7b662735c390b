import { ServiceEnv } from '@frontoffice/platform';

/** Reservations settings; everything shared lives in ServiceEnv. */
export class ReservationsEnv extends ServiceEnv {}
