import { ConsoleSessions1764900000000 } from './migrations/1764900000000-console-sessions';

// Sessions are read and written with SQL in their repository; no TypeORM entity.
export const CONSOLE_ENTITIES: Function[] = [];
export const CONSOLE_MIGRATIONS: Function[] = [ConsoleSessions1764900000000];
