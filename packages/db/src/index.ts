/**
 * @eventlead/db: connections, the unit of work per request, transactions, soft delete, audit columns
 * and audit trail, migrations, reference data, schema checks and DDL for PGlite, PostgreSQL and SQL
 * Server. Framework-agnostic; the API plugs it in.
 *
 * This entry is what an application needs. Test support is `@eventlead/db/testing`; the pieces the
 * package wires up itself (naming strategy, drivers, subscribers, DDL and docs generators) are
 * `@eventlead/db/internal`.
 */
export { getActor, setActor, type ActorId } from './actor';
export { getAuditContext, setAuditContext, type AuditContext } from './audit-trail/audit-context';
export { AUDIT_CHANGE_TYPE, REDACTED } from './audit-trail/audit-trail-subscriber';
export { deadlineOf, DeadlineExceededError, setDeadline, type Deadline } from './deadline';
export { createOrmConfig, type OrmOptions } from './config';
export { withRequestContext, type RequestContextOptions } from './context';
export { insertRows } from './insert-rows';
export {
  defaultDatabaseUrl,
  parseDatabaseUrl,
  resolveDatabaseUrl,
  type DatabaseDialect,
  type DatabaseUrl,
  type MsSqlDatabaseUrl,
  type ParseDatabaseUrlOptions,
  type PGliteDatabaseUrl,
  type PostgresDatabaseUrl,
  type ResolvedDatabaseUrl,
  type ServerDatabaseUrl,
} from './database-url';
export { containsText } from './dialect/contains-text';
export { DatabaseLockedError } from './data-dir-lock';
export { generateDdl } from './ddl/generate-ddl';
export type { SqlDialect } from './ddl/sql-dialect';
export {
  ConstraintViolationError,
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
export { closeORM, createORM, initORM, type Orm } from './orm';
export { DatabaseNotReadyError, ping, type PingFailure, type PingOptions } from './ping';
export type { DatabaseEnv } from './pool-settings';
export { knexLogTo, type DatabaseLogLevel, type DatabaseLogWriter } from './knex-log';
export { redactSqlValues } from './redact-sql';
export { redactUrl } from './redact-url';
export {
  checkSchema,
  describeSchemaDifference,
  type SchemaCheck,
  type SchemaDrift,
  type SchemaDriftKind,
} from './schema-check/check-schema';
export {
  readCompaniesPage,
  readCompanyDetail,
  readUserDetail,
  readUsersPage,
  type CompanyDetail,
  type CompanyMembership,
  type CompanySummary,
  type Page,
  type PageRequest,
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
export { includeDeleted, type IncludeDeletedOptions } from './soft-delete';
export { transactional, type TransactionalOptions } from './transaction';
export { findWorkspaceRoot } from './workspace-root';
