/** The services that publish events; an envelope's `source` is always one of them. */
export const SERVICE_NAMES = ['reservations', 'concierge', 'staffing', 'billing-bridge', 'integrations'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];
