import { withOfflineOrm } from './offline-orm';
import type { SqlDialect } from './sql-dialect';
import { toSqlcmdScript } from './sqlcmd-script';

const DIALECT_NAMES: Readonly<Record<SqlDialect, string>> = {
  postgresql: 'PostgreSQL (and PGlite)',
  mssql: 'SQL Server',
};

/**
 * The complete CREATE DDL of all 35 tables for `dialect` (schemas, tables, defaults, keys, checks,
 * indexes, foreign keys, all with their Solomon names), rendered from the entities of
 * `@eventlead/models` without any database server.
 * @example
 * process.stdout.write(await generateDdl('mssql'));
 */
export async function generateDdl(dialect: SqlDialect): Promise<string> {
  const sql = await withOfflineOrm(dialect, (orm) => orm.schema.getCreateSchemaSQL({ wrap: false }));
  return `${sql.trim()}\n`;
}

/**
 * The DDL to run by hand: for SQL Server a script `sqlcmd` runs as is ({@link toSqlcmdScript}: SET
 * options, schemas first in their own batches, `GO` separators, dbo tables qualified); for PostgreSQL
 * {@link generateDdl} unchanged (psql runs it as is). What `pnpm db:sql` prints.
 * @example process.stdout.write(await generateDeploymentScript('mssql'));
 */
export async function generateDeploymentScript(dialect: SqlDialect): Promise<string> {
  const ddl = await generateDdl(dialect);
  return dialect === 'mssql' ? toSqlcmdScript(ddl) : ddl;
}

/**
 * The DDL as committed under `docs/database/ddl/`: {@link generateDeploymentScript} under a header
 * saying where it comes from.
 */
export async function ddlDocument(dialect: SqlDialect): Promise<string> {
  const header = [
    `-- EventLead Platform: complete schema DDL for ${DIALECT_NAMES[dialect]}.`,
    '-- Generated from the entities of @eventlead/models by `pnpm --filter @eventlead/db docs:schema`; do not edit.',
    '-- Databases are built by the migrations (`pnpm db:migrate`); this file is for review and reference.',
    ...(dialect === 'mssql' ? ['-- Runs in sqlcmd as is (`pnpm db:sql -- --dialect mssql` prints it): sqlcmd -S host -d EventLead -i mssql.sql -b'] : []),
  ].join('\n');
  return `${header}\n\n${await generateDeploymentScript(dialect)}`;
}
