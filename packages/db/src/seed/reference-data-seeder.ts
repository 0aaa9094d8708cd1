import type { EntityManager } from '@mikro-orm/knex';
import { Seeder } from '@mikro-orm/seeder';
import { seedReferenceDataWith } from './seed-reference-data';

/**
 * The reference seed as a MikroORM seeder, for `orm.seeder.seed(ReferenceDataSeeder)` or a
 * `DatabaseSeeder` calling it. Same work as {@link seedReferenceData}.
 */
export class ReferenceDataSeeder extends Seeder {
  /** Seeds every reference table and the default settings, as {@link seedReferenceData} does (idempotent). The SQL drivers hand seeders their SQL EntityManager. */
  async run(em: EntityManager): Promise<void> {
    await seedReferenceDataWith(em);
  }
}
