import { createOrmConfig } from './config';
import { knexLog, type DatabaseLogLevel } from './knex-log';
import { redactSqlValues } from './redact-sql';

describe('knex log', () => {
  test.each([
    [`Connection Error: error: insert into "dbo"."User" ("Email", "PasswordHash") values ('a@b.c', '$2b$12$abc') - terminating connection`, `values ('?', '?') - terminating connection`],
    [`values ('it''s', 'x')`, `values ('?', '?')`],
    ['postgresql://u:secret@h/db lost', ' lost'],
  ])('blanks values in %j', (input, kept) => {
    const out = redactSqlValues(input);
    expect(out).toContain(kept);
    expect(out).not.toMatch(/a@b\.c|\$2b\$|secret|it''s/);
  });

  test('warnings are written without the values', () => {
    const spy = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      knexLog.warn(new Error(`insert into "x" values ('a@b.c')`));
      expect(spy).toHaveBeenCalledTimes(1);
      expect(String(spy.mock.calls[0]?.[0])).toContain(`values ('?')`);
    } finally {
      spy.mockRestore();
    }
  });

  test.each(['postgresql://postgres@127.0.0.1:5432/db', 'mssql://sa:pw@127.0.0.1:1433/db', 'pglite://memory'])('the ORM config of %s hands knex this logger', (url) => {
    expect(createOrmConfig({ DATABASE_URL: url }).driverOptions).toMatchObject({ log: knexLog });
  });

  test('with a logger configured, knex warnings go to it at their level, not to the console', () => {
    const lines: [string, DatabaseLogLevel | undefined][] = [];
    const spies = (['log', 'warn', 'error', 'debug'] as const).map((m) => jest.spyOn(console, m).mockImplementation(() => undefined));
    try {
      const config = createOrmConfig({ DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/db' }, { logger: (message: string, level?: DatabaseLogLevel) => lines.push([message, level]) });
      const log = (config.driverOptions as { log: typeof knexLog }).log;
      log.warn('Connection Error: Connection ended unexpectedly');
      log.error(`insert into "x" values ('a@b.c') - read ECONNRESET`);
      expect(lines).toEqual([
        ['Connection Error: Connection ended unexpectedly', 'warn'],
        [`insert into "x" values ('?') - read ECONNRESET`, 'error'],
      ]);
      for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });
});
