import type { Dictionary } from '@mikro-orm/core';
import {
  DatabaseSchema,
  SchemaComparator,
  type CheckDef,
  type DatabaseTable,
  type SchemaDifference,
  type TableDifference,
} from '@mikro-orm/knex';
import { ddlStatements } from '../ddl/ddl-statements';
import type { Orm } from '../orm';

/** What kind of difference {@link checkSchema} found. `missing`: the entities have it, the database not. */
export type SchemaDriftKind =
  | 'schema-missing'
  | 'schema-unexpected'
  | 'table-missing'
  | 'table-unexpected'
  | 'column-missing'
  | 'column-unexpected'
  | 'column-changed'
  | 'column-renamed'
  | 'index-missing'
  | 'index-unexpected'
  | 'index-changed'
  | 'check-missing'
  | 'check-unexpected'
  | 'check-changed'
  | 'foreign-key-missing'
  | 'foreign-key-unexpected'
  | 'foreign-key-changed';

/** One difference between the database and the entities. */
export interface SchemaDrift {
  /** What differs: something missing, unexpected or changed. */
  readonly kind: SchemaDriftKind;
  /** `schema.Table` (absent for whole-schema differences). */
  readonly table?: string;
  /** The schema, column, index or constraint concerned. */
  readonly name: string;
  /** For `column-changed`, the attributes that differ (`type`, `nullable`, `default`, ...). */
  readonly detail?: string;
  /** One line for people: `dbo.User: column Phone is missing from the database`. */
  readonly message: string;
}

/** The result of {@link checkSchema}. */
export interface SchemaCheck {
  /** True when the database matches the entities exactly. */
  readonly clean: boolean;
  /** Every difference found; empty when clean. */
  readonly differences: SchemaDrift[];
  /** The statements that would make the database match the entities (for review; never run here). */
  readonly sql: string[];
}

const MESSAGES: Readonly<Record<SchemaDriftKind, string>> = {
  'schema-missing': 'is missing from the database',
  'schema-unexpected': 'is in the database but not in the entities',
  'table-missing': 'is missing from the database',
  'table-unexpected': 'is in the database but not in the entities',
  'column-missing': 'is missing from the database',
  'column-unexpected': 'is in the database but not in the entities',
  'column-changed': 'differs from the entities',
  'column-renamed': 'has a different name in the database',
  'index-missing': 'is missing from the database',
  'index-unexpected': 'is in the database but not in the entities',
  'index-changed': 'differs from the entities',
  'check-missing': 'is missing from the database',
  'check-unexpected': 'is in the database but not in the entities',
  'check-changed': 'differs from the entities',
  'foreign-key-missing': 'is missing from the database',
  'foreign-key-unexpected': 'is in the database but not in the entities',
  'foreign-key-changed': 'differs from the entities',
};

const SUBJECTS: Readonly<Record<string, string>> = {
  schema: 'schema',
  table: 'table',
  column: 'column',
  index: 'index',
  check: 'check constraint',
  'foreign-key': 'foreign key',
};

function drift(kind: SchemaDriftKind, name: string, table?: string, detail?: string): SchemaDrift {
  const subject = SUBJECTS[kind.replace(/-(missing|unexpected|changed|renamed)$/, '')] ?? kind;
  const where = table === undefined ? '' : `${table}: `;
  const what = `${subject} ${name}`;
  const extra = detail === undefined ? '' : ` (${detail})`;
  return { kind, name, ...(table === undefined ? {} : { table }), ...(detail === undefined ? {} : { detail }), message: `${where}${what} ${MESSAGES[kind]}${extra}` };
}

/**
 * PostgreSQL and SQL Server store `x between a and b` as `x >= a and x <= b`; MikroORM's comparison
 * only strips quotes, brackets and spaces, so it would report every `between` check as changed on a
 * database that matches. Compare them in the stored form.
 */
function canonicalCheck(expression: string | undefined): string {
  const text = (expression ?? '')
    .replace(/['"`()[\]\n]|::\w+/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
  return text.replace(/^(\S+) between (\S+) and (\S+)$/, '$1 >= $2 and $1 <= $3').replace(/ /g, '');
}

function isEmptyDictionary(value: Dictionary): boolean {
  return Object.keys(value).length === 0;
}

function hasChanges(diff: TableDifference): boolean {
  return (
    diff.changedComment !== undefined ||
    [
      diff.addedColumns,
      diff.changedColumns,
      diff.removedColumns,
      diff.renamedColumns,
      diff.addedIndexes,
      diff.changedIndexes,
      diff.removedIndexes,
      diff.renamedIndexes,
      diff.addedChecks,
      diff.changedChecks,
      diff.removedChecks,
      diff.addedForeignKeys,
      diff.changedForeignKeys,
      diff.removedForeignKeys,
    ].some((d) => !isEmptyDictionary(d))
  );
}

/** Drops check "changes" that are the same constraint written differently (see {@link canonicalCheck}). */
function dropEquivalentChecks(schemaDiff: SchemaDifference): void {
  for (const [key, tableDiff] of Object.entries(schemaDiff.changedTables)) {
    for (const [name, check] of Object.entries<CheckDef>(tableDiff.changedChecks)) {
      const stored = tableDiff.fromTable.getChecks().find((c) => c.name === name);
      if (stored !== undefined && canonicalCheck(String(stored.expression)) === canonicalCheck(String(check.expression))) {
        // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- a Dictionary keyed by constraint name
        delete tableDiff.changedChecks[name];
      }
    }
    if (!hasChanges(tableDiff)) {
      // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- a Dictionary keyed by table name
      delete schemaDiff.changedTables[key];
    }
  }
}

/**
 * An index given as a whole statement (a filtered unique index), in a form both sides agree on: PostgreSQL
 * reads it back as `CREATE UNIQUE INDEX "X" ON dbo."User" USING btree ("Email") WHERE ("IsDeleted" = false)`,
 * SQL Server as `... WHERE ([IsDeleted]=(0))`. Case, quotes, brackets, parentheses, schema qualifiers, the
 * default `using btree` and spaces do not count.
 */
function canonicalIndex(expression: string): string {
  return expression
    .toLowerCase()
    .replace(/\busing btree\b/g, '')
    .replace(/['"`()[\]]/g, '')
    .replace(/\b[a-z_][a-z0-9_]*\.(?=[a-z_])/g, '')
    .replace(/\s+/g, '');
}

function emptyTableDifference(fromTable: DatabaseTable, toTable: DatabaseTable): TableDifference {
  return {
    name: fromTable.getShortestName(),
    fromTable,
    toTable,
    addedColumns: {},
    changedColumns: {},
    removedColumns: {},
    renamedColumns: {},
    addedIndexes: {},
    changedIndexes: {},
    removedIndexes: {},
    renamedIndexes: {},
    addedChecks: {},
    changedChecks: {},
    removedChecks: {},
    addedForeignKeys: {},
    changedForeignKeys: {},
    removedForeignKeys: {},
  };
}

/**
 * MikroORM compares an index given as an expression by name only, so a plain `UQ_User_Email` in the database
 * would pass for the entities' filtered one. Compare the statements, and report a difference as a changed
 * index (dropped the way the database has it: a constraint or an index).
 */
function addChangedExpressionIndexes(schemaDiff: SchemaDifference, actual: DatabaseSchema, target: DatabaseSchema): void {
  for (const toTable of target.getTables()) {
    const key = toTable.getShortestName();
    const fromTable = actual.getTable(key);
    if (fromTable === undefined) {
      continue;
    }
    for (const index of toTable.getIndexes()) {
      const stored = fromTable.getIndexes().find((i) => i.keyName === index.keyName);
      if (index.expression === undefined || stored === undefined) {
        continue;
      }
      if (stored.expression !== undefined && canonicalIndex(stored.expression) === canonicalIndex(index.expression)) {
        continue;
      }
      const tableDiff = (schemaDiff.changedTables[key] ??= emptyTableDifference(fromTable, toTable));
      tableDiff.changedIndexes[index.keyName] = { ...index, constraint: stored.constraint };
    }
  }
}

function qualified(table: { name: string; schema?: string | undefined }): string {
  return table.schema ? `${table.schema}.${table.name}` : table.name;
}

function tableDrifts(diff: TableDifference): SchemaDrift[] {
  const table = qualified(diff.toTable);
  const out: SchemaDrift[] = [];
  const each = <T>(dict: Dictionary<T>, fn: (key: string, value: T) => SchemaDrift) => {
    for (const [key, value] of Object.entries(dict)) {
      out.push(fn(key, value));
    }
  };
  each(diff.addedColumns, (name) => drift('column-missing', name, table));
  each(diff.removedColumns, (name) => drift('column-unexpected', name, table));
  each(diff.changedColumns, (name, change) => drift('column-changed', name, table, [...change.changedProperties].join(', ')));
  each(diff.renamedColumns, (from, column) => drift('column-renamed', column.name, table, `${from} in the database`));
  each(diff.addedIndexes, (_, index) => drift('index-missing', index.keyName, table));
  each(diff.removedIndexes, (_, index) => drift('index-unexpected', index.keyName, table));
  each(diff.changedIndexes, (_, index) => drift('index-changed', index.keyName, table));
  each(diff.renamedIndexes, (from, index) => drift('index-changed', index.keyName, table, `named ${from} in the database`));
  each(diff.addedChecks, (_, check) => drift('check-missing', check.name, table));
  each(diff.removedChecks, (_, check) => drift('check-unexpected', check.name, table));
  each(diff.changedChecks, (_, check) => drift('check-changed', check.name, table));
  each(diff.addedForeignKeys, (_, fk) => drift('foreign-key-missing', fk.constraintName, table));
  each(diff.removedForeignKeys, (_, fk) => drift('foreign-key-unexpected', fk.constraintName, table));
  each(diff.changedForeignKeys, (_, fk) => drift('foreign-key-changed', fk.constraintName, table));
  if (diff.changedComment !== undefined) {
    out.push(drift('column-changed', 'comment', table));
  }
  return out;
}

/** Flattens MikroORM's schema difference into one {@link SchemaDrift} per finding. */
export function describeSchemaDifference(schemaDiff: SchemaDifference): SchemaDrift[] {
  return [
    ...[...schemaDiff.newNamespaces].map((name) => drift('schema-missing', name)),
    ...[...schemaDiff.removedNamespaces].map((name) => drift('schema-unexpected', name)),
    ...Object.values(schemaDiff.newTables).map((table) => drift('table-missing', qualified(table))),
    ...Object.values(schemaDiff.removedTables).map((table) => drift('table-unexpected', qualified(table))),
    ...Object.values(schemaDiff.changedTables).flatMap(tableDrifts),
  ];
}

/**
 * Compares the database with the entities of `@eventlead/models` (MikroORM's schema comparator, as
 * `orm.schema.getUpdateSchemaSQL({ safe: false })` does) and lists every difference: missing or extra
 * schemas, tables, columns, indexes, checks and foreign keys, and columns whose type, nullability or
 * default differ. Only the entities' schemas are read; the migrations table is ignored. Read-only.
 * @example
 * const { clean, differences } = await checkSchema(orm);
 * if (!clean) for (const d of differences) console.error(d.message);
 */
export async function checkSchema(orm: Orm): Promise<SchemaCheck> {
  const generator = orm.schema;
  const platform = orm.em.getPlatform();
  const target = generator.getTargetSchema();
  const actual = await DatabaseSchema.create(
    orm.em.getConnection(),
    platform,
    orm.config,
    undefined,
    target.getNamespaces(),
    undefined,
    orm.config.get('schemaGenerator').skipTables,
  );
  const wildcardTables = Object.values(orm.getMetadata().getAll())
    .filter((meta) => meta.schema === '*')
    .map((meta) => meta.tableName);
  actual.prune(undefined, wildcardTables);
  target.prune(undefined, wildcardTables);
  const schemaDiff = new SchemaComparator(platform).compare(actual, target);
  // MikroORM knows a schema from its tables: an existing schema without tables counts as missing.
  const existing = new Set(await platform.getSchemaHelper()?.getNamespaces(orm.em.getConnection()));
  for (const namespace of schemaDiff.newNamespaces) {
    if (existing.has(namespace)) {
      schemaDiff.newNamespaces.delete(namespace);
    }
  }
  dropEquivalentChecks(schemaDiff);
  addChangedExpressionIndexes(schemaDiff, actual, target);
  const differences = describeSchemaDifference(schemaDiff);
  const sql = ddlStatements(await generator.diffToSQL(schemaDiff, { wrap: false, safe: false, dropTables: true }));
  return { clean: differences.length === 0 && sql.length === 0, differences, sql };
}
