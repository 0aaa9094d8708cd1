import { ReferenceKind, type EntityMetadata } from '@mikro-orm/core';
import type { Column, DatabaseSchema, DatabaseTable, ForeignKey, IndexDef } from '@mikro-orm/knex';
import { entitiesBySchema, isSoftDeletable, type DatabaseSchema as SchemaName } from '@eventlead/models';
import { withOfflineOrm } from '../ddl/offline-orm';

/** Where the generated reference lives, relative to the workspace root. */
export const SCHEMA_REFERENCE_PATH = 'docs/database/schema-reference.md';

/** The order schemas appear in: business tables first. */
const SCHEMA_ORDER: readonly SchemaName[] = ['dbo', 'ref', 'config', 'audit', 'log', 'cache'];

const SCHEMA_PURPOSE: Readonly<Record<SchemaName, string>> = {
  dbo: 'Core business tables: users, companies, memberships, invitations and tokens.',
  ref: 'Reference (lookup) tables, filled by the reference seed. Shared shape: `Code` (unique), `Name`, `Description`, `SortOrder`, `IsActive`.',
  config: 'Runtime configuration: application settings and validation rules.',
  audit: 'Append-only history of business changes (field level for `dbo.User` and `dbo.Company`).',
  log: 'Append-only technical logs: API requests, authentication events, errors, email delivery.',
  cache: 'Cached results of external lookups (Australian Business Register).',
};

interface TableDocs {
  readonly meta: EntityMetadata;
  readonly postgres: DatabaseTable;
  readonly mssql: DatabaseTable;
}

function qualified(meta: EntityMetadata): string {
  return `${meta.schema ?? ''}.${meta.tableName}`;
}

function anchor(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

function code(text: string): string {
  return `\`${text.replace(/\|/g, '\\|')}\``;
}

function findTable(schema: DatabaseSchema, meta: EntityMetadata): DatabaseTable {
  const table = schema.getTables().find((t) => t.name === meta.tableName && (t.schema ?? schema.name) === meta.schema);
  if (!table) {
    throw new Error(`No table for entity ${meta.className} in the ${schema.name} schema model.`);
  }
  return table;
}

/** `dbo.UserStatus` style name of a foreign key's target (MikroORM leaves the default schema off). */
function referencedTable(fk: ForeignKey, defaultSchema: string | undefined): string {
  return fk.referencedTableName.includes('.') ? fk.referencedTableName : `${defaultSchema ?? ''}.${fk.referencedTableName}`;
}

function columnKeys(column: Column, table: DatabaseTable, defaultSchema: string | undefined): string {
  const keys: string[] = [];
  const indexes = table.getIndexes().filter((index) => index.columnNames.includes(column.name));
  if (indexes.some((index) => index.primary)) {
    keys.push('PK');
  }
  if (column.autoincrement) {
    keys.push('identity');
  }
  for (const fk of Object.values(table.getForeignKeys())) {
    if (fk.columnNames.includes(column.name)) {
      keys.push(`FK → ${referencedTable(fk, defaultSchema)}`);
    }
  }
  if (indexes.some((index) => index.unique && !index.primary)) {
    keys.push('UQ');
  }
  if (indexes.some((index) => !index.unique && !index.primary)) {
    keys.push('IX');
  }
  return keys.join(', ');
}

/** ` where "IsDeleted" = false` for a filtered index (given as a whole statement), else nothing. */
function indexFilter(index: IndexDef): string {
  const where = / where (.+)$/i.exec(index.expression ?? '')?.[1];
  return where === undefined ? '' : `, where \`${where}\``;
}

function indexKind(index: IndexDef): string {
  if (index.primary) {
    return 'primary key';
  }
  return index.unique ? 'unique' : 'index';
}

function columnsTable(docs: TableDocs, defaultSchema: string | undefined): string[] {
  const lines = ['| Column | PostgreSQL | SQL Server | Null | Default | Keys |', '| --- | --- | --- | --- | --- | --- |'];
  for (const column of docs.postgres.getColumns()) {
    const mssql = docs.mssql.getColumn(column.name);
    lines.push(
      `| ${code(column.name)} | ${code(column.type)} | ${mssql ? code(mssql.type) : ''} | ${column.nullable ? 'yes' : 'no'} | ${
        column.default == null ? '' : code(column.default)
      } | ${columnKeys(column, docs.postgres, defaultSchema)} |`,
    );
  }
  return lines;
}

function constraintLines(table: DatabaseTable, defaultSchema: string | undefined): string[] {
  const lines: string[] = [];
  const indexes = [...table.getIndexes()].sort((a, b) => Number(b.primary) - Number(a.primary) || a.keyName.localeCompare(b.keyName));
  for (const index of indexes) {
    lines.push(`- ${code(index.keyName)}: ${indexKind(index)} (${index.columnNames.join(', ')})${indexFilter(index)}`);
  }
  for (const fk of Object.values(table.getForeignKeys()).sort((a, b) => a.constraintName.localeCompare(b.constraintName))) {
    lines.push(
      `- ${code(fk.constraintName)}: foreign key (${fk.columnNames.join(', ')}) → ${referencedTable(fk, defaultSchema)} (${fk.referencedColumnNames.join(', ')}), on delete ${fk.deleteRule ?? 'no action'}, on update ${fk.updateRule ?? 'no action'}`,
    );
  }
  for (const check of [...table.getChecks()].sort((a, b) => a.name.localeCompare(b.name))) {
    lines.push(`- ${code(check.name)}: check ${code(String(check.expression))}`);
  }
  return lines;
}

function relationshipLines(meta: EntityMetadata, all: ReadonlyMap<string, EntityMetadata>): string[] {
  const lines: string[] = [];
  for (const prop of meta.relations) {
    const target = all.get(prop.type);
    const targetName = target ? qualified(target) : prop.type;
    switch (prop.kind) {
      case ReferenceKind.MANY_TO_ONE:
        lines.push(`- \`${prop.name}\`: many-to-one → ${targetName} via ${prop.fieldNames.join(', ')}${prop.nullable ? ' (optional)' : ''}`);
        break;
      case ReferenceKind.ONE_TO_ONE:
        lines.push(
          prop.owner
            ? `- \`${prop.name}\`: one-to-one → ${targetName} via ${prop.fieldNames.join(', ')}`
            : `- \`${prop.name}\`: one-to-one ← ${targetName} (owned by ${targetName}.${prop.mappedBy})`,
        );
        break;
      case ReferenceKind.ONE_TO_MANY:
        lines.push(`- \`${prop.name}\`: one-to-many ← ${targetName} (its \`${prop.mappedBy}\`)`);
        break;
      default:
        lines.push(`- \`${prop.name}\`: ${prop.kind} ${targetName}`);
    }
  }
  return lines;
}

function tableSection(docs: TableDocs, all: ReadonlyMap<string, EntityMetadata>, defaultSchema: string | undefined): string[] {
  const { meta } = docs;
  const traits = [`Entity \`${meta.className}\``, isSoftDeletable(meta) ? 'soft-deletable (`IsDeleted`)' : 'rows are never soft-deleted'];
  const lines = [`### ${qualified(meta)}`, '', `${traits.join('; ')}.`, '', ...columnsTable(docs, defaultSchema), '', 'Constraints and indexes:', '', ...constraintLines(docs.postgres, defaultSchema)];
  const relations = relationshipLines(meta, all);
  if (relations.length > 0) {
    lines.push('', 'Relationships:', '', ...relations);
  }
  lines.push('');
  return lines;
}

/**
 * The schema reference (Markdown) for `docs/database/schema-reference.md`, generated from the entity
 * metadata and MikroORM's schema model for both dialects, without a database: per schema and table,
 * the columns with their PostgreSQL and SQL Server types, nullability, defaults and keys; constraints
 * and indexes by name; relationships. Deterministic, so a test can compare it with the committed file.
 */
export async function generateSchemaReference(): Promise<string> {
  const mssqlSchema = await withOfflineOrm('mssql', (orm) => Promise.resolve(orm.schema.getTargetSchema()));
  return withOfflineOrm('postgresql', (orm) => {
    const postgresSchema = orm.schema.getTargetSchema();
    const metas = Object.values(orm.getMetadata().getAll()).filter((meta) => !meta.embeddable && !meta.virtual && meta.tableName);
    const byClass = new Map(metas.map((meta) => [meta.className, meta]));
    const defaultSchema = orm.config.getPlatform().getDefaultSchemaName();
    const total = SCHEMA_ORDER.reduce((sum, schema) => sum + entitiesBySchema[schema].length, 0);
    const lines = [
      '# Database schema reference',
      '',
      '<!-- Generated from the entities of @eventlead/models by `pnpm --filter @eventlead/db docs:schema`. Do not edit: a test fails when this file is out of date. -->',
      '',
      `${total} tables in ${SCHEMA_ORDER.length} schemas, named by the Solomon standard (PascalCase tables and columns, \`PK_\`, \`FK_\`, \`UQ_\`, \`IX_\`, \`CK_\` constraints).`,
      'Types are listed for PostgreSQL (also PGlite) and SQL Server. Defaults are shown as PostgreSQL writes them; on SQL Server',
      '`current_timestamp` is `GETUTCDATE()`, booleans are `bit` (`0`/`1`), and every default is a named constraint `DF_<Table>_<Column>`.',
      'Timestamps are UTC (`timestamptz` / `datetime2`). The complete DDL: [ddl/postgresql.sql](ddl/postgresql.sql), [ddl/mssql.sql](ddl/mssql.sql).',
      '',
      ...SCHEMA_ORDER.map((schema) => `- [${schema}](#${anchor(schema)}) (${entitiesBySchema[schema].length}): ${SCHEMA_PURPOSE[schema]}`),
      '',
    ];
    for (const schema of SCHEMA_ORDER) {
      const tables = metas.filter((meta) => meta.schema === schema).sort((a, b) => a.tableName.localeCompare(b.tableName));
      lines.push(`## ${schema}`, '', SCHEMA_PURPOSE[schema], '');
      lines.push(...tables.map((meta) => `- [${qualified(meta)}](#${anchor(qualified(meta))})`), '');
      for (const meta of tables) {
        lines.push(...tableSection({ meta, postgres: findTable(postgresSchema, meta), mssql: findTable(mssqlSchema, meta) }, byClass, defaultSchema));
      }
    }
    return Promise.resolve(`${lines.join('\n').trimEnd()}\n`);
  });
}
