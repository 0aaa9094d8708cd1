import {
  ConnectionException,
  ForeignKeyConstraintViolationException,
  NotFoundError as OrmNotFoundError,
  UniqueConstraintViolationException,
} from '@mikro-orm/core';
import { DatabaseUnavailableError, ForeignKeyError, NotFoundError, TransactionConflictError, UniqueConflictError } from './errors';
import { mapDatabaseError } from './map-database-error';

/** Errors shaped like the ones pg, PGlite, tedious and Node really raise (their fields, not their classes). */
function driverError(fields: Record<string, unknown>, message = 'insert into "x" values (\'secret@example.com\')'): Error {
  return Object.assign(new Error(message), fields);
}

describe('mapDatabaseError', () => {
  test.each([
    ['pg unique violation', driverError({ code: '23505', constraint: 'UQ_User_Email' }), UniqueConflictError, 'UQ_User_Email'],
    ['MikroORM unique exception', new UniqueConstraintViolationException(driverError({ code: '23505', constraint: 'UQ_X_Y' })), UniqueConflictError, 'UQ_X_Y'],
    [
      'SQL Server 2627',
      driverError({ number: 2627 }, "Violation of UNIQUE KEY constraint 'UQ_User_Email'. Cannot insert duplicate key in object 'dbo.User'. The duplicate key value is (a@b.c)."),
      UniqueConflictError,
      'UQ_User_Email',
    ],
    [
      'SQL Server 2601',
      driverError({ number: 2601 }, "Cannot insert duplicate key row in object 'dbo.User' with unique index 'UQ_User_Email'. The duplicate key value is (a@b.c)."),
      UniqueConflictError,
      'UQ_User_Email',
    ],
    ['pg foreign key violation', driverError({ code: '23503', constraint: 'FK_UserCompany_UserID' }), ForeignKeyError, 'FK_UserCompany_UserID'],
    ['MikroORM FK exception', new ForeignKeyConstraintViolationException(driverError({ code: '23503' })), ForeignKeyError, undefined],
    [
      'SQL Server 547 on a foreign key',
      driverError({ number: 547 }, 'The INSERT statement conflicted with the FOREIGN KEY constraint "FK_UserCompany_UserID".'),
      ForeignKeyError,
      'FK_UserCompany_UserID',
    ],
  ])('%s', (_, error, type, constraint) => {
    const mapped = mapDatabaseError(error);
    expect(mapped).toBeInstanceOf(type);
    expect((mapped as UniqueConflictError).constraint).toBe(constraint);
    expect((mapped as Error).message).not.toContain('secret@example.com');
    expect((mapped as Error).message).not.toContain('a@b.c');
    expect((mapped as Error).cause).toBe(error);
  });

  test.each([
    ['SQL Server 1205 deadlock victim', driverError({ number: 1205 }, 'Transaction (Process ID 52) was deadlocked on lock resources with another process and has been chosen as the deadlock victim. Rerun the transaction.')],
    ['SQL Server 1222 lock request timeout', driverError({ number: 1222 }, 'Lock request time out period exceeded.')],
    ['PostgreSQL 40P01 deadlock', driverError({ code: '40P01' })],
    ['PostgreSQL 40001 serialization failure', driverError({ code: '40001' })],
    ['wrapped in a cause', new Error('outer', { cause: driverError({ number: 1205 }) })],
  ])('%s → TransactionConflictError (503: retry)', (_, error) => {
    const mapped = mapDatabaseError(error);
    expect(mapped).toBeInstanceOf(TransactionConflictError);
    expect((mapped as TransactionConflictError).statusCode).toBe(503);
    expect((mapped as Error).cause).toBe(error);
  });

  test.each([
    ['ECONNREFUSED', driverError({ code: 'ECONNREFUSED' })],
    ['ECONNRESET', driverError({ code: 'ECONNRESET' })],
    ['admin shutdown 57P01', driverError({ code: '57P01' })],
    ['cannot connect now 57P03', driverError({ code: '57P03' })],
    ['connection failure 08006', driverError({ code: '08006' })],
    ['too many connections 53300', driverError({ code: '53300' })],
    ['database does not exist at login 3D000 (a replica URL naming a dropped database)', driverError({ code: '3D000' })],
    ['password authentication failed 28P01', driverError({ code: '28P01' })],
    ['login refused 28000', driverError({ code: '28000' })],
    ['tedious login failed ELOGIN', driverError({ code: 'ELOGIN' })],
    ['tedious ESOCKET', driverError({ code: 'ESOCKET' })],
    ['knex pool timeout', Object.assign(new Error('Knex: Timeout acquiring a connection'), { name: 'KnexTimeoutError' })],
    ['happy-eyeballs AggregateError', new AggregateError([driverError({ code: 'ECONNREFUSED' })], 'connect failed')],
    ['MikroORM ConnectionException', new ConnectionException(new Error('x'))],
    ['wrapped in a cause', new Error('outer', { cause: driverError({ code: 'ECONNREFUSED' }) })],
    // Code-less reports of lost connections (node-postgres, knex, MikroORM's re-wrapped pool timeout).
    ['pg connect timeout', new Error('timeout expired')],
    ['pg socket closed under a query', new Error('Connection terminated unexpectedly')],
    [
      'the same through knex and MikroORM (statement first)',
      Object.assign(new Error('select "c0"."Code" from "ref"."Country" as "c0"\n where "c0"."IsDeleted" = false - Connection terminated unexpectedly'), { name: 'DriverException' }),
    ],
    ['pg client left unusable', new Error('Client has encountered a connection error and is not queryable')],
    ['knex transaction on a dead connection', new Error('Transaction query already complete, run with DEBUG=knex:tx for more info')],
    ['pool timeout re-wrapped by MikroORM', Object.assign(new Error('Knex: Timeout acquiring a connection. The pool is probably full.'), { name: 'DriverException' })],
  ])('%s → DatabaseUnavailableError (503)', (_, error) => {
    const mapped = mapDatabaseError(error);
    expect(mapped).toBeInstanceOf(DatabaseUnavailableError);
    expect(mapped).toMatchObject({ statusCode: 503, code: 'DB_UNAVAILABLE' });
  });

  test('findOneOrFail misses from the ORM become NotFoundError', () => {
    expect(mapDatabaseError(OrmNotFoundError.findOneFailed('User', { email: 'x' }))).toBeInstanceOf(NotFoundError);
  });

  test.each([
    ['a plain error', new Error('bug')],
    ['SQL Server 547 on a CHECK constraint', driverError({ number: 547 }, 'The INSERT statement conflicted with the CHECK constraint "CK_User_AccessTokenVersion".')],
    ['a syntax error', driverError({ code: '42601' })],
    ['not an error at all', 'oops'],
  ])('%s passes through unchanged', (_, error) => {
    expect(mapDatabaseError(error)).toBe(error);
  });

  test('typed errors pass through unchanged', () => {
    const error = new UniqueConflictError('UQ_A_B');
    expect(mapDatabaseError(error)).toBe(error);
  });

  test.each([
    ['a syntax error that mentions a timeout', driverError({ code: '42601' }, 'syntax error at or near "timeout expired"')],
    ['an application error', new Error('Connection terminated by the customer')],
    ['an application error after a dash', new Error('Order 12 - Connection terminated by the customer')],
  ])('%s is not mistaken for an outage', (_, error) => {
    expect(mapDatabaseError(error)).not.toBeInstanceOf(DatabaseUnavailableError);
  });
});
