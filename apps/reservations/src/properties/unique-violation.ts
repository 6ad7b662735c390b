const UNIQUE_VIOLATION = '23505';

/** The PostgreSQL driver error behind a TypeORM error, when there is one. */
function driverError(error: unknown): { code?: string; detail?: string } | undefined {
  return (error as { driverError?: { code?: string; detail?: string } }).driverError;
}

/** True when a unique constraint refused the write: the caller answers 409 with what was taken. */
export function isUniqueViolation(error: unknown): boolean {
  return driverError(error)?.code === UNIQUE_VIOLATION;
}

/** PostgreSQL's detail of a unique violation, e.g. `Key (property_id, number)=(…, 101) already exists.` */
export function uniqueViolationDetail(error: unknown): string {
  return driverError(error)?.detail ?? '';
}
