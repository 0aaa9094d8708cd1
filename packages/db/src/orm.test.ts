import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import { Person, testEntities } from '../test/fixtures/entities';
import { createOrmConfig } from './config';
import { closeORM, createORM, initORM } from './orm';
import { ping } from './ping';

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
    const first = initORM({ entities: testEntities });
    const second = initORM({ entities: testEntities });
    expect(second).toBe(first);
    const orm = await first;
    expect(orm).toBeInstanceOf(MikroORM);
    expect(await initORM()).toBe(orm);
    await ping(orm);
  });

  test('closeORM closes it and resets the cache', async () => {
    const orm = await initORM({ entities: testEntities });
    await closeORM();
    expect(await orm.isConnected()).toBe(false);
    const next = await initORM({ entities: testEntities });
    expect(next).not.toBe(orm);
    await ping(next);
  });

  test('a failed initialisation is not cached', async () => {
    process.env.DATABASE_URL = 'mysql://nope';
    expect(() => initORM()).toThrow(/unsupported scheme/);
    process.env.DATABASE_URL = 'pglite://memory';
    await expect(initORM({ entities: testEntities })).resolves.toBeInstanceOf(MikroORM);
  });

  test('closeORM without an ORM is a no-op', async () => {
    await expect(closeORM()).resolves.toBeUndefined();
  });
});

describe('createORM', () => {
  test('creates independent ORMs', async () => {
    const config = () => createOrmConfig({ DATABASE_URL: 'pglite://memory' }, { entities: testEntities });
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
