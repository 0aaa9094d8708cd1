/**
 * @eventlead/db: connections, the unit of work per request, transactions, soft delete, audit columns
 * and audit trail, migrations, reference data, schema checks and DDL for PGlite, PostgreSQL and SQL
 * Server. Framework-agnostic; the API plugs it in.
 */
export { getActor, setActor, type ActorId } from './actor';
export { AuditColumnsSubscriber } from './audit-columns';
export { getAuditContext, setAuditContext, type AuditContext } from './audit-trail/audit-context';
export {
  AUDIT_CHANGE_TYPE,
  AuditTrailSubscriber,
  REDACTED,
  auditTrailSubscriber,
} from './audit-trail/audit-trail-subscriber';
export { currentDeadline, DeadlineExceededError, withDeadline, type Deadline } from './deadline';
export { createOrmConfig, defaultDatabaseUrl, type OrmOptions } from './config';
export { withRequestContext, type RequestContextOptions } from './context';
export { insertRows } from './insert-rows';
export {
  parseDatabaseUrl,
  type DatabaseDialect,
  type DatabaseUrl,
  type MsSqlDatabaseUrl,
  type ParseDatabaseUrlOptions,
  type PGliteDatabaseUrl,
  type PostgresDatabaseUrl,
  type ServerDatabaseUrl,
} from './database-url';
export { LIKE_ESCAPE, MSSQL_SEARCH_COLLATION, containsText, likeContainsPattern } from './dialect/contains-text';
export { DatabaseLockedError, lockDataDir, type DataDirLock, type DataDirLockHolder } from './data-dir-lock';
export { ddlStatements } from './ddl/ddl-statements';
export { ddlDocument, generateDdl, generateDeploymentScript } from './ddl/generate-ddl';
export { toSqlcmdScript } from './ddl/sqlcmd-script';
export { SQL_DIALECTS, isSqlDialect, sqlDialectOf, type SqlDialect } from './ddl/sql-dialect';
export { generateDatabaseDocs, staleDatabaseDocs, writeDatabaseDocs } from './docs/database-docs';
export { SCHEMA_REFERENCE_PATH, generateSchemaReference } from './docs/schema-reference';
export {
  DatabaseConfigError,
  DatabaseError,
  DatabaseUnavailableError,
  ForeignKeyError,
  NotFoundError,
  TransactionConflictError,
  UniqueConflictError,
} from './errors';
export { findCompanyUsers, findUserCompanies } from './memberships';
export { explainDatabaseFailure, type ExplainOptions } from './explain-failure';
export { mapDatabaseError } from './map-database-error';
export {
  executedMigrations,
  migrateDown,
  migrateUp,
  pendingMigrations,
  type MigrateDownOptions,
} from './migrations/migrate';
export { MIGRATIONS_TABLE, migrationOptions, migrationsOf } from './migrations/migration-options';
export { SolomonMsSqlDriver } from './naming/mssql-driver';
export { SolomonMsSqlPlatform } from './naming/mssql-platform';
export { MSSQL_LOCK_HINTS, withLockHints } from './naming/mssql-query-builder';
export { SolomonMsSqlSchemaHelper } from './naming/mssql-schema-helper';
export { SolomonNamingStrategy } from './naming/solomon-naming-strategy';
export { SolomonPGliteDriver, SolomonPostgreSqlDriver } from './naming/postgres-drivers';
export { SolomonPostgreSqlPlatform } from './naming/postgres-platform';
export { SolomonPostgreSqlSchemaHelper } from './naming/postgres-schema-helper';
export { closeORM, createORM, initORM, type Orm } from './orm';
export { ping, type PingOptions } from './ping';
export { DEFAULT_POOL_SETTINGS, readPoolSettings, type DatabaseEnv, type PoolSettings } from './pool-settings';
export { redactUrl } from './redact-url';
export {
  checkSchema,
  describeSchemaDifference,
  type SchemaCheck,
  type SchemaDrift,
  type SchemaDriftKind,
} from './schema-check/check-schema';
export {
  DetailReadModel,
  PageReadModel,
  companyReadModelStatements,
  readCompaniesPage,
  readCompanyDetail,
  readUserDetail,
  readUsersPage,
  userReadModelStatements,
  type CompiledStatement,
  type CompanyDetail,
  type CompanyMembership,
  type CompanySummary,
  type Page,
  type PageRequest,
  type Shape,
  type UserDetail,
  type UserMembership,
  type UserSummary,
} from './read-models';
export { ReferenceDataSeeder } from './seed/reference-data-seeder';
export {
  APP_SETTING,
  CUSTOMER_TIER,
  JOINED_VIA,
  RULE_TYPE,
  SETTING_CATEGORY,
  SETTING_TYPE,
  USER_COMPANY_ROLE,
  USER_COMPANY_STATUS,
  USER_INVITATION_STATUS,
  USER_ROLE,
  USER_STATUS,
} from './seed/reference-codes';
export {
  seedReferenceData,
  seedReferenceDataWith,
  type SeedCounts,
  type SeedTableCount,
  type SeededTable,
} from './seed/seed-reference-data';
export {
  DISABLED_PASSWORD_HASH,
  SYSTEM_ACTOR_EMAIL,
  SystemActorMissingError,
  findSystemActorId,
} from './seed/system-actor';
export {
  SOFT_DELETE_FILTER,
  SoftDeleteSubscriber,
  includeDeleted,
  softDeleteFilter,
  type IncludeDeletedOptions,
} from './soft-delete';
export { transactional, type TransactionalOptions } from './transaction';
export { findWorkspaceRoot } from './workspace-root';
