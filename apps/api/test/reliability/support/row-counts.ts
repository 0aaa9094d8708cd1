import type { Orm } from '@eventlead/db';

/** Rows per table, `schema.Table` → count. */
export type RowCounts = Record<string, number>;

/** Schemas whose rows a refused request must never change (the request log is written for every request by design). */
export const GUARDED_SCHEMAS = ['dbo', 'audit', 'config', 'cache'] as const;

/**
 * Counts the rows of every table in `schemas`, read from the database's own catalogue so that a table
 * added later is counted too.
 */
export async function countRows(orm: Orm, schemas: readonly string[] = GUARDED_SCHEMAS): Promise<RowCounts> {
  const connection = orm.em.getConnection('write');
  const tables = await connection.execute<{ table_schema: string; table_name: string }[]>(
    `select table_schema, table_name from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema in (${schemas.map(() => '?').join(', ')})
      order by table_schema, table_name`,
    [...schemas],
  );
  if (tables.length === 0) return {};
  const union = tables
    .map((t, i) => `select ${i} as i, count(*)::int as n from "${t.table_schema}"."${t.table_name}"`)
    .join(' union all ');
  const rows = await connection.execute<{ i: number; n: number }[]>(union);
  const counts: RowCounts = {};
  for (const row of rows) {
    const t = tables[row.i];
    if (t) counts[`${t.table_schema}.${t.table_name}`] = row.n;
  }
  return counts;
}

/** Tables whose count differs, with the difference (after − before). */
export function rowDifferences(before: RowCounts, after: RowCounts): Record<string, number> {
  const diff: Record<string, number> = {};
  for (const table of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const d = (after[table] ?? 0) - (before[table] ?? 0);
    if (d !== 0) diff[table] = d;
  }
  return diff;
}

/** Sum of the absolute differences: how many rows appeared or disappeared. */
export function rowsChanged(before: RowCounts, after: RowCounts): number {
  return Object.values(rowDifferences(before, after)).reduce((sum, d) => sum + Math.abs(d), 0);
}
