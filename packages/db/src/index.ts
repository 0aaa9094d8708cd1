/**
 * @eventlead/db: connections, the unit of work per request, transactions, soft delete and audit
 * columns for PGlite, PostgreSQL and SQL Server. Framework-agnostic; the API plugs it in.
 */
export { getActor, setActor, type ActorId } from './actor';
export { AUDIT_PROPERTIES } from './audit-properties';
export { AuditColumnsSubscriber } from './audit-columns';
export { createOrmConfig, defaultDatabaseUrl, type OrmOptions } from './config';
export { withRequestContext, type RequestContextOptions } from './context';
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
export {
  DatabaseConfigError,
  DatabaseError,
  DatabaseUnavailableError,
  ForeignKeyError,
  NotFoundError,
  UniqueConflictError,
} from './errors';
export { mapDatabaseError } from './map-database-error';
export { SolomonMsSqlDriver } from './naming/mssql-driver';
export { SolomonMsSqlPlatform } from './naming/mssql-platform';
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
  SOFT_DELETE_FILTER,
  SoftDeleteSubscriber,
  includeDeleted,
  isSoftDeletable,
  softDeleteFilter,
  type IncludeDeletedOptions,
} from './soft-delete';
export { transactional } from './transaction';
export { findWorkspaceRoot } from './workspace-root';
