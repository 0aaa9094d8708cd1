import { createOrmConfig, createORM, defaultDatabaseUrl, resolveDatabaseUrl } from '@eventlead/db';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '@eventlead/db/testing';
import type { FastifyBaseLogger } from 'fastify';
import { checkReplicas, describeDatabase, prepareDatabase } from '../src/prepare-database';

/** A logger that keeps the info lines, to read what start-up said. */
function recordingLogger(lines: string[]): FastifyBaseLogger {
  return { info: (message: string) => lines.push(message) } as unknown as FastifyBaseLogger;
}

describeEachDatabase(
  'start-up says what it did to the database',
  (getDb) => {
    test('an empty database: migrated N and seeded; the next start: up to date', async () => {
      const lines: string[] = [];
      const first = await prepareDatabase(getDb().orm, recordingLogger(lines));
      expect(first.migrated.length).toBeGreaterThan(0);
      expect(first.seeded).toBeGreaterThan(400);
      expect(lines).toEqual([
        `database prepared: applied ${first.migrated.length} migration(s) (${first.migrated.join(', ')}); seeded ${first.seeded} reference row(s)`,
      ]);

      const second = await prepareDatabase(getDb().orm, recordingLogger(lines));
      expect(second).toEqual({ migrated: [], seeded: 0 });
      expect(lines[1]).toBe('database up to date: no migrations to apply; reference data already in place');
    }, 120_000);
  },
  { schema: 'none', resetAfterEach: false },
);

describe('describeDatabase', () => {
  test.each([
    ['pglite:///repo/.data/pglite', false, 'embedded PGlite in /repo/.data/pglite (DATABASE_URL is not set: the default)'],
    ['pglite://memory', true, 'embedded PGlite in memory (DATABASE_URL)'],
    ['postgresql://app:s3cret@db:5432/eventlead', true, 'PostgreSQL database "eventlead" on db:5432 as app (DATABASE_URL)'],
    ['mssql://sa:p%40ss@sql:1433/eventlead?encrypt=true', true, 'SQL Server database "eventlead" on sql:1433 as sa (DATABASE_URL)'],
  ])('%s names the product and the target, never the password or the URL', (url, fromEnv, expected) => {
    const described = describeDatabase({ url, fromEnv });
    expect(described).toBe(expected);
    expect(described).not.toMatch(/:\/\/|s3cret|p%40ss/);
  });

  test.each([[undefined], [''], ['  ']])('DATABASE_URL %p is the default database, as the ORM reads it', (value) => {
    const env = value === undefined ? {} : { DATABASE_URL: value };
    const embedded = defaultDatabaseUrl().slice('pglite://'.length);
    expect(describeDatabase(resolveDatabaseUrl(env))).toBe(`embedded PGlite in ${embedded} (DATABASE_URL is not set: the default)`);
  });
});

// DATABASE_REPLICA_URLS needs a server primary (the embedded database has no replicas): PostgreSQL only.
(process.env.TEST_POSTGRES_URL ? describe : describe.skip)('[postgresql] start-up checks the read replicas', () => {
  let db: TestDatabase | undefined;
  beforeAll(async () => {
    db = await createTestDatabase('postgresql', { schema: 'none' });
  });
  afterAll(async () => {
    await db?.close();
  });

  /** What checkReplicas logged at error level, with `replicas` as DATABASE_REPLICA_URLS. */
  async function check(...replicas: string[]): Promise<string[]> {
    const orm = await createORM(createOrmConfig({ DATABASE_URL: db?.databaseUrl, DATABASE_REPLICA_URLS: replicas.join(',') }));
    const errors: string[] = [];
    try {
      await checkReplicas(orm, { error: (message: string) => errors.push(message) } as unknown as FastifyBaseLogger);
    } finally {
      await orm.close(true);
    }
    return errors;
  }

  test('says nothing when every replica answers', async () => {
    await expect(check(db?.databaseUrl ?? '')).resolves.toEqual([]);
  });

  test('a replica that is down is reported with its entry, its target and what to do, never its password; the start goes on', async () => {
    const errors = await check(db?.databaseUrl ?? '', 'postgresql://eventlead:hunter2@127.0.0.1:1/eventlead');
    expect(errors).toEqual([
      'Read replica replica-2 (DATABASE_REPLICA_URLS entry 2: 127.0.0.1:1, database eventlead, user eventlead) is unavailable. ' +
        'The API starts anyway: reads sent to it fail with 503 and /health/ready answers 503 naming it until it answers. ' +
        'Start the replica, or remove it from DATABASE_REPLICA_URLS.',
    ]);
  });
});
