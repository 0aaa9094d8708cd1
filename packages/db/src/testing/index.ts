/**
 * @eventlead/db/testing: isolated databases for tests. Every suite runs against PGlite, and against
 * PostgreSQL as well when `TEST_POSTGRES_URL` is set (required when `CI` is set).
 */
export {
  describeEachDatabase,
  testDatabaseKinds,
  type DescribeEachDatabaseOptions,
} from './describe-each-database';
export {
  createTestDatabase,
  type TestDatabase,
  type TestDatabaseKind,
  type TestDatabaseOptions,
} from './test-database';
export { setUpTestTemplates, tearDownTestTemplates, TEST_TEMPLATES_ENV } from './templates';
export { truncateAll } from './truncate-all';
export {
  MSSQL_STATEMENTS_COMMAND,
  MSSQL_STATEMENTS_PATH,
  corpusEntries,
  corpusViolations,
  parseCorpus,
  readCorpus,
  renderCorpus,
  schemaCheckOptions,
  writeCorpus,
  type CorpusEntry,
} from '../conformance/corpus';
export { createRecordingMsSqlOrm, type RecordedStatement, type RecordingOrm } from '../conformance/recording-orm';
export { statementShape, tsqlViolations, type TsqlCheckOptions } from '../conformance/tsql-checks';
export { MSSQL_MAX_BOUND_PARAMETERS, MSSQL_MAX_PARAMETERS } from '../naming/mssql-parameters';
