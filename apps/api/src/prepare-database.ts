import type { Orm } from '@eventlead/db';
import type { FastifyBaseLogger } from 'fastify';

/**
 * Brings the database up to date before the API serves: creates the schema the entities describe.
 * (Interim: switches to the committed migrations and the reference seed once @eventlead/db ships them.)
 */
export async function prepareDatabase(orm: Orm, logger: FastifyBaseLogger): Promise<void> {
  await orm.schema.updateSchema({ safe: true });
  logger.info('database schema is up to date');
}
