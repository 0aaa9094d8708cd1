import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { MikroORM } from '@mikro-orm/core';
import { Person, testEntities } from '../test/fixtures/entities';
import { createOrmConfig, type OrmOptions } from './config';
import { closeORM, createORM, initORM } from './orm';
import { ping } from './ping';
import { openEmptyPglite } from './testing/test-database';

/**
 * The test entities on `pglite://memory`, whose database is loaded from the run's dump of a fresh one
 * instead of PGlite's initdb (seconds of CPU each): these tests are about the ORM's life cycle, not
 * about creating databases (logging.test.ts opens a plain pglite://memory; the folder test below
 * creates one). The ORMs borrow their PGlite, which is closed after the file; those of `initORM`, one
 * after the other, share one (`shared`).
 */
const borrowed: Promise<PGlite>[] = [];
let shared: Promise<PGlite> | undefined;
function overrides({ share }: { share: boolean }): Partial<OrmOptions> {
  const { driverOptions } = createOrmConfig({ DATABASE_URL: 'pglite://memory' });
  const pglite = (): Promise<PGlite> => {
    if (share && shared) {
      return shared;
    }
    const opened = openEmptyPglite();
    borrowed.push(opened);
    if (share) {
      shared = opened;
    }
    return opened;
  };
  return { entities: testEntities, driverOptions: { ...driverOptions, connection: { pglite } } };
}

afterAll(async () => {
  for (const pglite of borrowed.splice(0)) await (await pglite).close();
});

describe('initORM / closeORM', () => {
  const saved = process.env.DATABASE_URL;

  beforeEach(() => {
    process.env.DATABASE_URL = 'pglite://memory';
  });

  afterEach(async () => {
    await closeORM();
    if (saved === undefined) {
      delete process.env.DATABASE_URL;
    } else {
      process.env.DATABASE_URL = saved;
    }
  });

  test('one ORM per process: repeated and concurrent calls share it', async () => {
    const first = initORM(overrides({ share: true }));
    const second = initORM(overrides({ share: true }));
    expect(second).toBe(first);
    const orm = await first;
    expect(orm).toBeInstanceOf(MikroORM);
    expect(await initORM()).toBe(orm);
    await ping(orm);
  });

  test('closeORM closes it and resets the cache', async () => {
    const orm = await initORM(overrides({ share: true }));
    await closeORM();
    expect(await orm.isConnected()).toBe(false);
    const next = await initORM(overrides({ share: true }));
    expect(next).not.toBe(orm);
    await ping(next);
  });

  test('a failed initialisation is not cached', async () => {
    process.env.DATABASE_URL = 'mysql://nope';
    expect(() => initORM()).toThrow(/unsupported scheme/);
    process.env.DATABASE_URL = 'pglite://memory';
    await expect(initORM(overrides({ share: true }))).resolves.toBeInstanceOf(MikroORM);
  });

  test('closeORM without an ORM is a no-op', async () => {
    await expect(closeORM()).resolves.toBeUndefined();
  });
});

describe('createORM', () => {
  test('creates independent ORMs', async () => {
    const config = () => createOrmConfig({ DATABASE_URL: 'pglite://memory' }, overrides({ share: false }));
    const [a, b] = await Promise.all([createORM(config()), createORM(config())]);
    try {
      expect(a).not.toBe(b);
      await Promise.all([ping(a), ping(b)]);
    } finally {
      await Promise.all([a.close(true), b.close(true)]);
    }
  });
});

describe('a PGlite data folder', () => {
  const parent = mkdtempSync(join(tmpdir(), 'eventlead-db-'));

  afterAll(() => {
    rmSync(parent, { recursive: true, force: true });
  });

  test('is created when missing and keeps its data between ORMs (app and CLI share it)', async () => {
    const dataDir = join(parent, 'nested', 'pglite');
    const config = () => createOrmConfig({ DATABASE_URL: `pglite://${dataDir}` }, { entities: testEntities });

    const first = await createORM(config());
    try {
      await first.schema.createSchema();
      const em = first.em.fork();
      em.create(Person, { email: 'persisted@example.com' });
      await em.flush();
    } finally {
      await first.close();
    }
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);

    const second = await createORM(config());
    try {
      expect(await second.em.fork().count(Person, { email: 'persisted@example.com' })).toBe(1);
    } finally {
      await second.close();
    }
  });
});
