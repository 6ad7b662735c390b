const UNIQUE_VIOLATION = '23505';

/** PostgreSQL refused a row that a unique constraint already holds. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { driverError?: { code?: string } }).driverError?.code === UNIQUE_VIOLATION;
}
