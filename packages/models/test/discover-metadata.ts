import {
  Configuration,
  MetadataDiscovery,
  MetadataStorage,
  Platform,
  type EntityMetadata,
  type EntitySchema,
  type Options,
} from '@mikro-orm/core';

/**
 * A platform with MikroORM's defaults and no SQL dialect: enough for metadata discovery, which is all the
 * models package may know about. Column types come out generic (`datetime`, `varchar(n)`); the db package
 * tests the real dialects.
 */
class MetadataOnlyPlatform extends Platform {}

const platform = new MetadataOnlyPlatform();

/** Just what `Configuration` asks of a driver before discovery; nothing connects. */
class MetadataOnlyDriver {
  getPlatform(): Platform {
    return platform;
  }

  getConnection(): { getDefaultClientUrl: () => string } {
    return { getDefaultClientUrl: () => 'metadata://localhost/metadata' };
  }
}

/**
 * Runs MikroORM's real metadata discovery (validation of relations, column and join-column naming,
 * check-constraint callbacks) over the given entities, without a driver or a database.
 * @returns the discovered metadata, one entry per entity, keyed by class name
 */
export async function discoverMetadata(entities: EntitySchema[]): Promise<Map<string, EntityMetadata>> {
  const options: Options = {
    // The driver option expects a full driver class; discovery only calls the two methods above.
    driver: MetadataOnlyDriver as unknown as NonNullable<Options['driver']>,
    entities,
    discovery: { warnWhenNoEntities: false },
  };
  const config = new Configuration(options, false);
  const storage = await new MetadataDiscovery(new MetadataStorage(), platform, config).discover(false);
  return new Map(Object.values(storage.getAll()).map((meta) => [meta.className, meta]));
}
