import type { EntityManager } from '@mikro-orm/knex';
import { Seeder } from '@mikro-orm/seeder';
import { seedReferenceDataWith } from './seed-reference-data';

/**
 * The reference seed as a MikroORM seeder, for `orm.seeder.seed(ReferenceDataSeeder)` or a
 * `DatabaseSeeder` calling it. Same work as {@link seedReferenceData}.
 */
export class ReferenceDataSeeder extends Seeder {
  /**
   * Runs the reference seed of {@link seedReferenceData} (idempotent) on the seeder's EntityManager; the
   * SQL drivers hand seeders their SQL one.
   */
  async run(em: EntityManager): Promise<void> {
    await seedReferenceDataWith(em);
  }
}
