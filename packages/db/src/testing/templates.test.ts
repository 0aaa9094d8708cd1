import { Client } from 'pg';
import { checkSchema, executedMigrations, pendingMigrations, seedReferenceData } from '..';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '.';
import { TEST_TEMPLATES_ENV, templateRun } from './templates';

/** Row counts of every table in the six schemas, `schema.Table → rows`. */
async function rowCounts(db: TestDatabase): Promise<Record<string, number>> {
  const connection = db.em().getConnection();
  const tables = await connection.execute<{ name: string }[]>(
    `select quote_ident(table_schema) || '.' || quote_ident(table_name) as "name" from information_schema.tables
     where table_schema in ('dbo', 'ref', 'config', 'audit', 'log', 'cache') and table_type = 'BASE TABLE' order by 1`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await connection.execute<{ n: number }[]>(`select count(*)::int as "n" from ${name}`);
    counts[name] = row?.n ?? -1;
  }
  return counts;
}

/** Builds a database from scratch (migrations, and the seed), as a run without templates does. */
async function withoutTemplates<T>(fn: () => Promise<T>): Promise<T> {
  const run = process.env[TEST_TEMPLATES_ENV];
  Reflect.deleteProperty(process.env, TEST_TEMPLATES_ENV);
  try {
    return await fn();
  } finally {
    if (run !== undefined) process.env[TEST_TEMPLATES_ENV] = run;
  }
}

test('the jest global setup starts a run with templates', () => {
  expect(templateRun()).toBeDefined();
});

describe.each(testDatabaseKinds())('[%s] test databases copied from the run’s templates', (kind) => {
  const opened: TestDatabase[] = [];
  const open = async (seed: boolean, fromScratch = false): Promise<TestDatabase> => {
    const db = await (fromScratch ? withoutTemplates(() => createTestDatabase(kind, { seed })) : createTestDatabase(kind, { seed }));
    opened.push(db);
    return db;
  };

  afterAll(async () => {
    for (const db of opened.splice(0)) await db.close();
  }, 60_000);

  test.each([false, true])('seed %p: the same tables, rows and migration history as migrating (and seeding) from scratch', async (seed) => {
    const copied = await open(seed);
    const scratch = await open(seed, true);
    expect(await executedMigrations(copied.orm)).toEqual(await executedMigrations(scratch.orm));
    expect(await pendingMigrations(copied.orm)).toEqual([]);
    expect(await rowCounts(copied)).toEqual(await rowCounts(scratch));
    expect(await checkSchema(copied.orm)).toEqual({ clean: true, differences: [], sql: [] });
    if (seed) {
      // Seeding again finds every reference row in place.
      const counts = await seedReferenceData(copied.orm);
      expect(Object.values(counts).every((count) => count.inserted === 0 && count.updated === 0)).toBe(true);
    }
  });

  test('what one copy writes, the next copy does not see', async () => {
    const first = await open(true);
    await first.em().getConnection().execute(`create table "dbo"."OnlyHere" ("Id" int)`);
    await first.em().getConnection().execute(`delete from "ref"."Timezone"`);
    const second = await open(true);
    const [table] = await second
      .em()
      .getConnection()
      .execute<{ n: number }[]>(`select count(*)::int as "n" from information_schema.tables where table_name = 'OnlyHere'`);
    expect(table?.n).toBe(0);
    expect((await rowCounts(second))['ref."Timezone"']).toBeGreaterThan(0);
  });

  if (kind === 'postgresql') {
    test('each copy is a database of its own, and the template stays on the server until the run ends', async () => {
      const a = await open(false);
      const b = await open(false);
      expect(a.databaseUrl).not.toBe(b.databaseUrl);
      expect(a.databaseUrl).toMatch(/\/eventlead_test_[0-9a-f]{12}$/);
      const client = new Client({ connectionString: process.env.TEST_POSTGRES_URL });
      await client.connect();
      try {
        const { rows } = await client.query<{ datname: string }>(`select datname from pg_database where starts_with(datname, $1) order by 1`, [
          templateRun()?.databasePrefix,
        ]);
        expect(rows.map((row) => row.datname)).toEqual(expect.arrayContaining([`${templateRun()?.databasePrefix}migrated`]));
      } finally {
        await client.end();
      }
    });
  }
});
