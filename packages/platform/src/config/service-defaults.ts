import type { ServiceName } from '@frontoffice/contracts';

/** Local defaults per service; every one of them can be overridden from the environment. */
export const SERVICE_DEFAULTS: Readonly<Record<ServiceName, { port: number; database: string }>> = {
  reservations: { port: 3001, database: 'frontoffice_reservations' },
  concierge: { port: 3002, database: 'frontoffice_concierge' },
  staffing: { port: 3003, database: 'frontoffice_staffing' },
  'billing-bridge': { port: 3004, database: 'frontoffice_billing' },
  integrations: { port: 3005, database: 'frontoffice_integrations' },
};

/** Documented development secret. A production start with it (and no public key) is refused. */
export const DEV_JWT_SECRET = 'dev-only-insecure-secret-change-me';
