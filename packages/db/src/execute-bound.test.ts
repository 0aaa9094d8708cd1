import type { QueryResult } from '@mikro-orm/core';
import { UniqueConflictError } from './errors';
import { executeBound } from './execute-bound';
import { mapDatabaseError } from './map-database-error';
import { describeEachDatabase } from './testing';

const INSERT = 'insert into "ref"."UserStatus" ("Code", "Name") values (?, ?)';
const SELECT = 'select "Code", "Name" from "ref"."UserStatus" where "Code" = ?';
// A value the statement text could not hold as it is: a quote, knex's and PostgreSQL's placeholders, an escaped one.
const TRICKY = "it's ? $1 \\?";

describeEachDatabase('executeBound', (getDb) => {
  test("binds the values and shapes each method's result as the connection's execute does", async () => {
    const connection = getDb().em().getConnection();
    const run = await executeBound<QueryResult>(connection, INSERT, [TRICKY, 'Tricky'], 'run');
    expect(run.affectedRows).toBe(1);
    const rows = await executeBound<unknown[]>(connection, SELECT, [TRICKY], 'all');
    expect(rows).toEqual([{ Code: TRICKY, Name: 'Tricky' }]);
    expect(rows).toEqual(await connection.execute(SELECT, [TRICKY], 'all'));
    expect(await executeBound(connection, SELECT, [TRICKY], 'get')).toEqual({ Code: TRICKY, Name: 'Tricky' });
  });

  test('runs in the transaction it is given: its writes are seen inside and rolled back with it', async () => {
    const rolledBack = new Error('roll back');
    let seenInside: unknown[] = [];
    const work = getDb()
      .em()
      .transactional(async (tx) => {
        const ctx: unknown = tx.getTransactionContext();
        await executeBound(tx.getConnection(), INSERT, ['in-transaction', 'x'], 'run', ctx);
        seenInside = await executeBound<unknown[]>(tx.getConnection(), SELECT, ['in-transaction'], 'all', ctx);
        throw rolledBack;
      });
    await expect(work).rejects.toBe(rolledBack);
    expect(seenInside).toHaveLength(1);
    expect(await executeBound<unknown[]>(getDb().em().getConnection(), SELECT, ['in-transaction'], 'all')).toEqual([]);
  });

  test('errors come back as the driver raised them, as from execute: mapDatabaseError maps both alike', async () => {
    const connection = getDb().em().getConnection();
    await executeBound(connection, INSERT, ['taken', 'x'], 'run');
    const bound = await executeBound(connection, INSERT, ['taken', 'y'], 'run').then(() => undefined, (error: unknown) => error);
    const inlined = await connection.execute(INSERT, ['taken', 'y'], 'run').then(() => undefined, (error: unknown) => error);
    expect(bound).toMatchObject({ code: '23505', constraint: 'UQ_UserStatus_Code' });
    expect(mapDatabaseError(bound)).toBeInstanceOf(UniqueConflictError);
    expect(mapDatabaseError(bound)).toEqual(mapDatabaseError(inlined));
  });
});
