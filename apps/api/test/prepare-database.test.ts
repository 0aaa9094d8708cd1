import { defaultDatabaseUrl, resolveDatabaseUrl } from '@eventlead/db';
import { describeEachDatabase } from '@eventlead/db/testing';
import type { FastifyBaseLogger } from 'fastify';
import { describeDatabase, prepareDatabase } from '../src/prepare-database';

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
