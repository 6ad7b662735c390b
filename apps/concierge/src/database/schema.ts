/** Concierge has no tables of its own yet: the platform's outbox, inbox and idempotency tables are migrated for it. */
export const CONCIERGE_ENTITIES: Function[] = [];
export const CONCIERGE_MIGRATIONS: Function[] = [];
