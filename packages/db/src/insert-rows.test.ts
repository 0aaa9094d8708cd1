import { LoginEvent, Person, testEntities } from '../test/fixtures/entities';
import { insertRows } from './insert-rows';
import { mapDatabaseError } from './map-database-error';
import { UniqueConflictError } from './errors';
import { describeEachDatabase, MSSQL_MAX_BOUND_PARAMETERS } from './testing';

describeEachDatabase(
  'insertRows',
  (getDb) => {
    test('writes plain rows to the entity\'s columns, values bound as they are (dates, NULLs)', async () => {
      const at = new Date('2026-11-27T09:50:11.627Z');
      await insertRows(getDb().orm, LoginEvent, [
        { email: 'a@example.com', createdDate: at },
        { email: 'b@example.com', createdDate: new Date(at.getTime() + 1_000) },
      ]);
      const rows = await getDb().em().find(LoginEvent, {}, { orderBy: { email: 'asc' } });
      expect(rows.map((r) => [r.email, r.createdDate.toISOString()])).toEqual([
        ['a@example.com', '2026-11-27T09:50:11.627Z'],
        ['b@example.com', '2026-11-27T09:50:12.627Z'],
      ]);
      await insertRows(getDb().orm, Person, [{ email: 'p@example.com', createdBy: null }]);
      expect(await getDb().em().findOneOrFail(Person, { email: 'p@example.com' })).toMatchObject({ createdBy: null, isDeleted: false });
    });

    test('a batch larger than one statement is written in chunks, all of them', async () => {
      const rows = Array.from({ length: 2_500 }, (_, i) => ({ email: `bulk-${i}@example.com`, createdDate: new Date() }));
      await insertRows(getDb().orm, LoginEvent, rows);
      expect(await getDb().em().count(LoginEvent, { email: { $like: 'bulk-%' } })).toBe(2_500);
    });

    test('a failing chunk leaves nothing of the batch behind', async () => {
      // One property a row: a full first chunk, then a second chunk of one row repeating the first row.
      const rows = Array.from({ length: MSSQL_MAX_BOUND_PARAMETERS + 1 }, (_, i) => ({ email: `dup-${i % MSSQL_MAX_BOUND_PARAMETERS}@example.com` }));
      const error: unknown = await insertRows(getDb().orm, Person, rows).catch((e: unknown) => e);
      expect(mapDatabaseError(error)).toBeInstanceOf(UniqueConflictError);
      expect(await getDb().em().count(Person, { email: { $like: 'dup-%' } })).toBe(0);
    });

    test('nothing to write is no statement; a property without a column is refused', async () => {
      await expect(insertRows(getDb().orm, LoginEvent, [])).resolves.toBeUndefined();
      await expect(insertRows(getDb().orm, LoginEvent, [{ nope: 1 } as never])).rejects.toThrow('LoginEvent has no column for the property "nope".');
    });
  },
  { overrides: { entities: testEntities } },
);
