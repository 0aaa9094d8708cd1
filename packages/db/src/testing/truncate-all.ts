import { SolomonPGliteDriver } from '../naming/postgres-drivers';
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
 * What `truncate … restart identity cascade` of `tables` leaves, by DELETE, for PGlite: there a
 * truncate gives every table and index new files in its in-memory file system, which costs some ten
 * times the delete of a test's few rows. In one transaction, with the foreign keys' triggers off
 * (`session_replication_role = replica`, as a superuser, which PGlite's user is) so the order does not
 * matter; the sequences the tables own are set back to their start, as RESTART IDENTITY does. The
 * cascade has nothing to add: a table referencing one of these holds rows only if it is in the list too.
 */
function deleteSql(orm: Orm, tables: readonly string[]): string {
  const platform = orm.config.getPlatform();
  const relations = tables.map((table) => `${platform.quoteValue(table)}::regclass`).join(', ');
  return [
    'set local session_replication_role = replica',
    ...tables.map((table) => `delete from ${table}`),
    `select setval(s.seqrelid, s.seqstart, false) from pg_depend d join pg_sequence s on s.seqrelid = d.objid ` +
      `where d.refclassid = 'pg_class'::regclass and d.classid = 'pg_class'::regclass and d.refobjid in (${relations})`,
  ].join('; ');
}

/**
 * Empties every table the ORM maps and restarts their identity columns, leaving the schema and the
 * migrations table. PostgreSQL dialects only (PGlite and PostgreSQL), which is what the test helpers
 * create. Cheaper than recreating the schema between tests, and cheaper again because only the tables
 * a test touched are truncated: one query finds those holding rows or whose identity moved, and one
 * `truncate … restart identity cascade` empties them (on PGlite the same is done by DELETE, see
 * {@link deleteSql}). Truncating an untouched table changes nothing, so the result is the same as
 * truncating all of them, which on PostgreSQL costs far more (every truncated table gets new files).
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
  if (orm.config.getDriver() instanceof SolomonPGliteDriver) {
    await connection.transactional((trx) => connection.execute(deleteSql(orm, names), [], 'run', trx));
    return;
  }
  await connection.execute(`truncate table ${names.join(', ')} restart identity cascade`);
}
