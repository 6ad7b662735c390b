/**
 * TypeORM answers an UPDATE or DELETE … RETURNING with `[rows, rowCount]` (other statements with the rows alone);
 * this reads the rows.
 */
export function updatedRows<Row>(result: unknown): Row[] {
  const [rows] = result as [Row[], number];
  return rows;
}
