import type { Orm } from '../orm';

/** The tables the ORM maps, schema-qualified and quoted. */
function mappedTables(orm: Orm): string[] {
  const platform = orm.config.getPlatform();
  const tables = new Set<string>();
  for (const meta of Object.values(orm.getMetadata().getAll())) {
    if (!meta.tableName || meta.embeddable || meta.virtual || meta.expression) {
      continue;
    }
    const qualified = meta.schema && meta.schema !== '*' ? `${meta.schema}.${meta.tableName}` : meta.tableName;
    tables.add(platform.quoteIdentifier(qualified));
  }
  return [...tables];
}

/**
 * The SQL that finds the tables a truncate would change: those holding rows, and those whose identity
 * (or serial) sequence has handed out a value since it was last restarted. Answers `i`, the index of
 * each in `tables`.
 */
function touchedTablesSql(orm: Orm, tables: readonly string[]): string {
  const platform = orm.config.getPlatform();
  const relations = tables.map((table, i) => `(${i}, ${platform.quoteValue(table)}::regclass)`).join(', ');
  const usedSequence =
    `select "t"."i" from "t" where exists (select 1 from pg_depend d join pg_sequence s on s.seqrelid = d.objid ` +
    `where d.refclassid = 'pg_class'::regclass and d.refobjid = "t"."rel" and d.classid = 'pg_class'::regclass ` +
    `and pg_sequence_last_value(s.seqrelid) is not null)`;
  const withRows = tables.map((table, i) => ` union select ${i} where exists (select 1 from ${table})`).join('');
  return `with "t"("i", "rel") as (values ${relations}) ${usedSequence}${withRows}`;
}

/**
 * Empties every table the ORM maps and restarts their identity columns, leaving the schema and the
 * migrations table. PostgreSQL dialects only (PGlite and PostgreSQL), which is what the test helpers
 * create. Cheaper than recreating the schema between tests, and cheaper again because only the tables
 * a test touched are truncated: one query finds those holding rows or whose identity moved, and one
 * `truncate … restart identity cascade` empties them. Truncating an untouched table changes nothing,
 * so the result is the same as truncating all of them, which on PostgreSQL costs far more (every
 * truncated table gets new files).
 */
export async function truncateAll(orm: Orm): Promise<void> {
  const tables = mappedTables(orm);
  if (tables.length === 0) {
    return;
  }
  const connection = orm.config.getDriver().getConnection('write');
  const touched = await connection.execute<{ i: number | string }[]>(touchedTablesSql(orm, tables));
  const names = touched.map((row) => tables[Number(row.i)]).filter((name): name is string => name !== undefined);
  if (names.length === 0) {
    return;
  }
  await connection.execute(`truncate table ${names.join(', ')} restart identity cascade`);
}
