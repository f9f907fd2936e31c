import type { EntityManager } from 'typeorm';

/** One column of a {@link bulkInsert}. */
export interface BulkColumn<T> {
  /** The table's column (quoted as given). */
  name: string;
  /** The element type of the column's parameter array. */
  type: 'uuid' | 'text' | 'int' | 'smallint' | 'boolean' | 'timestamptz' | 'date' | 'jsonb';
  /** The row's value for the column (null for NULL). */
  value: (row: T) => unknown;
  /**
   * How the unnested value becomes the column's, as SQL over `t."<name>"` (default: as is), e.g.
   * `string_to_array(t."tags", chr(31))` for a text[] column sent as one string per row.
   */
  expr?: string;
}

/**
 * INSERT many rows with one statement per `chunk` rows (default: all in one): each column goes as
 * one array parameter and comes back through `unnest`, so the statement's size and its number of
 * parameters do not grow with the rows. Rows keep the given order (a serial id follows it).
 * `table` is put into the SQL as it is (e.g. `"schema".name`): never pass it user input.
 * Writes nothing for no rows.
 */
export async function bulkInsert<T>(
  manager: EntityManager,
  table: string,
  columns: readonly BulkColumn<T>[],
  rows: readonly T[],
  chunk: number = rows.length,
): Promise<void> {
  if (!rows.length) return;
  if (!(chunk >= 1 && (Number.isInteger(chunk) || chunk === Infinity)))
    throw new RangeError(`bulkInsert: chunk must be a whole number of rows, at least 1 (got ${chunk})`);
  const names = columns.map((c) => `"${c.name}"`);
  const sql = `INSERT INTO ${table} (${names.join(', ')})
     SELECT ${columns.map((c) => c.expr ?? `t."${c.name}"`).join(', ')}
       FROM unnest(${columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ')}) WITH ORDINALITY
            AS t(${names.join(', ')}, bulk_row_no)
      ORDER BY t.bulk_row_no`;
  for (let k = 0; k < rows.length; k += chunk) {
    const part = chunk >= rows.length ? rows : rows.slice(k, k + chunk);
    await manager.query(
      sql,
      columns.map((c) => part.map(c.value)),
    );
  }
}
