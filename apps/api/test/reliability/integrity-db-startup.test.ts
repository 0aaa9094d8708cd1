import { hashToken } from '@eventlead/security';
import { ADMIN_TOKEN } from './support/harness';
import { ensureServerBuilt, freePort, startServer, within } from './support/server-process';

const POSTGRES = process.env.TEST_POSTGRES_URL;

/**
 * Issue 16: the API printed raw driver text at startup (`connect ECONNREFUSED ...`). It now prints the
 * CLI's words from @eventlead/db's `explainDatabaseFailure`: what happened, DATABASE_URL's target
 * (never the password) and what to do.
 */
(POSTGRES ? describe : describe.skip)('startup: a database failure is explained in the CLI’s words', () => {
  beforeAll(() => {
    ensureServerBuilt();
  }, 200_000);

  test.each([
    [
      'a database that does not exist',
      () => {
        const url = new URL(POSTGRES ?? '');
        url.password = 'pw-never-printed';
        url.pathname = '/eventlead_missing_db';
        return url.toString();
      },
      (url: URL) => `The database eventlead_missing_db does not exist on the PostgreSQL server at ${url.hostname}:${url.port || 5432}. Create it (e.g. createdb eventlead_missing_db), or fix the database name in DATABASE_URL.`,
    ],
  ])('%s', async (_, makeUrl, expected) => {
    const databaseUrl = makeUrl();
    const server = startServer({ DATABASE_URL: databaseUrl, ADMIN_TOKEN_SHA256: hashToken(ADMIN_TOKEN), NODE_ENV: 'production' }, await freePort());
    const exit = await within(server.exited, 60_000);
    await server.stop();
    expect(exit === 'hung' ? 'hung' : exit.code).toBe(1);
    expect(server.lines).toContain(expected(new URL(databaseUrl)));
    expect(server.lines.join('\n')).not.toContain('pw-never-printed');
  }, 120_000);
});
