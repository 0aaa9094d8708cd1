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
export { truncateAll } from './truncate-all';
