/**
 * @eventlead/db/internal: the parts the package wires up by itself. `createOrmConfig` installs the
 * Solomon naming strategy, drivers and platforms, the soft-delete filter and the audit subscribers;
 * the read models compile their own statements; the `db` CLI generates the DDL, the deployment script
 * and the schema docs. Exported for tooling that assembles its own MikroORM config or inspects the
 * generated SQL; no compatibility promise beyond this workspace. Applications use `@eventlead/db`.
 */
export { AuditColumnsSubscriber } from './audit-columns';
export { AuditTrailSubscriber, auditTrailSubscriber } from './audit-trail/audit-trail-subscriber';
export { LIKE_ESCAPE, MSSQL_SEARCH_COLLATION, likeContainsPattern } from './dialect/contains-text';
export { lockDataDir, type DataDirLock, type DataDirLockHolder } from './data-dir-lock';
export { ddlStatements } from './ddl/ddl-statements';
export { ddlDocument, generateDeploymentScript } from './ddl/generate-ddl';
export { toSqlcmdScript } from './ddl/sqlcmd-script';
export { SQL_DIALECTS, isSqlDialect, sqlDialectOf } from './ddl/sql-dialect';
export { generateDatabaseDocs, staleDatabaseDocs, writeDatabaseDocs } from './docs/database-docs';
export { SCHEMA_REFERENCE_PATH, generateSchemaReference } from './docs/schema-reference';
export { MIGRATIONS_TABLE, migrationOptions, migrationsOf } from './migrations/migration-options';
export { SolomonMsSqlDriver } from './naming/mssql-driver';
export { SolomonMsSqlPlatform } from './naming/mssql-platform';
export { MSSQL_LOCK_HINTS, withLockHints } from './naming/mssql-query-builder';
export { SolomonMsSqlSchemaHelper } from './naming/mssql-schema-helper';
export { SolomonNamingStrategy } from './naming/solomon-naming-strategy';
export { SolomonPGliteDriver, SolomonPostgreSqlDriver } from './naming/postgres-drivers';
export { SolomonPostgreSqlPlatform } from './naming/postgres-platform';
export { SolomonPostgreSqlSchemaHelper } from './naming/postgres-schema-helper';
export { DEFAULT_POOL_SETTINGS, readPoolSettings, type PoolSettings } from './pool-settings';
export {
  DetailReadModel,
  PageReadModel,
  companyReadModelStatements,
  userReadModelStatements,
  type CompiledStatement,
  type Shape,
} from './read-models';
export { SOFT_DELETE_FILTER, SoftDeleteSubscriber, softDeleteFilter } from './soft-delete';
