import type { Orm } from '../orm';

/**
 * Empties every table the ORM maps, in one statement, restarting identity columns; cheaper than
 * recreating the schema between tests. PostgreSQL dialects only (PGlite and PostgreSQL), which is
 * what the test helpers create.
 */
export async function truncateAll(orm: Orm): Promise<void> {
  const platform = orm.config.getPlatform();
  const tables = new Set<string>();
  for (const meta of Object.values(orm.getMetadata().getAll())) {
    if (!meta.tableName || meta.embeddable || meta.virtual || meta.expression) {
      continue;
    }
    const qualified = meta.schema && meta.schema !== '*' ? `${meta.schema}.${meta.tableName}` : meta.tableName;
    tables.add(platform.quoteIdentifier(qualified));
  }
  if (tables.size === 0) {
    return;
  }
  await orm.config
    .getDriver()
    .getConnection('write')
    .execute(`truncate table ${[...tables].join(', ')} restart identity cascade`);
}
