import { migrateUp, seedReferenceData, type Orm } from '@eventlead/db';
import type { FastifyBaseLogger } from 'fastify';

/**
 * Brings the database up to date before the API serves: applies the committed migrations (all or
 * none) and writes the reference data (idempotent), exactly as `pnpm db:migrate && pnpm db:seed` do.
 * The schema is never derived from the entities at start-up: that diff cannot be reviewed, and on
 * PostgreSQL it failed the second start of a database (it re-created a CHECK constraint by an
 * unquoted name that does not exist).
 */
export async function prepareDatabase(orm: Orm, logger: FastifyBaseLogger): Promise<void> {
  const applied = await migrateUp(orm);
  await seedReferenceData(orm);
  logger.info(applied.length === 0 ? 'database schema is up to date' : `database migrated: ${applied.join(', ')}`);
}
