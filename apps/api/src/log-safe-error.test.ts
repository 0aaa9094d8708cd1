import { DriverException } from '@mikro-orm/core';
import { logSafeError, logSafeMessage } from './log-safe-error';

function driverError(message: string): DriverException {
  return new DriverException(Object.assign(new Error(message), { code: '23514', constraint: 'CK_Test', detail: 'Key (Email)=(jane@example.com)' }));
}

const HASH = '$2b$12$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234';
const INSERT = `insert into "dbo"."User" ("Email", "PasswordHash") values ('jane@example.com', '${HASH}') returning "UserID"`;

describe('logSafeError', () => {
  test.each([
    ['a driver error: statement kept, literals and the detail line gone', driverError(`${INSERT} - new row violates check constraint "CK_Test"\n - detail: Failing row contains (1, jane@example.com, ${HASH}).`), `insert into "dbo"."User" ("Email", "PasswordHash") values ('?', '?') returning "UserID" - new row violates check constraint "CK_Test"`],
    ['a knex error that starts with its statement', new Error(`COMMIT; - update "dbo"."User" set "Email" = 'jane@example.com'`), `COMMIT; - update "dbo"."User" set "Email" = '?'`],
    ["any other error is kept as it is, quotes included", new TypeError("Cannot read properties of undefined (reading 'id')"), "Cannot read properties of undefined (reading 'id')"],
  ])('%s', (_case, error, message) => {
    const safe = logSafeError(error);
    expect(safe.message).toBe(message);
    expect(JSON.stringify(safe)).not.toContain('jane@example.com');
    expect(JSON.stringify(safe)).not.toContain(HASH);
  });

  test('keeps type, code, status and constraint, drops every other field of the driver error', () => {
    const safe = logSafeError(driverError(INSERT));
    expect(safe).toMatchObject({ type: 'DriverException', code: '23514', constraint: 'CK_Test' });
    expect(Object.keys(safe).sort()).toEqual(['code', 'constraint', 'message', 'stack', 'type']);
    expect(safe.stack).not.toContain(HASH);
  });

  test('follows the cause chain, cleaning each link', () => {
    const wrapped = Object.assign(new Error('Database unavailable', { cause: driverError(`${INSERT} - terminating connection`) }), { statusCode: 503 });
    expect(logSafeError(wrapped)).toMatchObject({ message: 'Database unavailable', statusCode: 503, cause: { type: 'DriverException' } });
    expect(logSafeMessage(wrapped)).toBe(`Database unavailable; caused by: insert into "dbo"."User" ("Email", "PasswordHash") values ('?', '?') returning "UserID" - terminating connection`);
  });

  test('a thrown non-error becomes its text', () => {
    expect(logSafeError('plain string')).toEqual({ type: 'string', message: 'plain string' });
  });
});
