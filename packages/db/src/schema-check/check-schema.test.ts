import { checkSchema } from './check-schema';
import { describeEachDatabase } from '../testing';

describeEachDatabase(
  'checkSchema',
  (getDb) => {
    describe('on a migrated database', () => {
      test('reports clean: nothing missing, nothing extra, no statements', async () => {
        expect(await checkSchema(getDb().orm)).toEqual({ clean: true, differences: [], sql: [] });
      });

      test('a range check stored in normal form (between → >= and <=) is not drift', async () => {
        const [check] = await getDb()
          .em()
          .getConnection()
          .execute<{ definition: string }[]>(`select pg_get_constraintdef(oid) as "definition" from pg_constraint where conname = 'CK_ApiRequest_StatusCode'`);
        expect(check?.definition).toMatch(/>= 100.*<= 599/);
        expect((await checkSchema(getDb().orm)).clean).toBe(true);
      });
    });

    /**
     * Hand-made drift, each case on the suite's database (a database of its own per case cost a second
     * each): after each case the schema is put back with the statements checkSchema proposes and must
     * check clean again, so every case sees exactly its own drift.
     */
    describe('reports drift', () => {
      afterEach(async () => {
        const db = getDb();
        const drift = await checkSchema(db.orm);
        for (const statement of drift.sql) {
          await db.em().getConnection().execute(statement);
        }
        const after = await checkSchema(db.orm);
        if (!after.clean) {
          throw new Error(`The statements checkSchema proposed did not restore the schema; later cases will see this too: ${JSON.stringify(after.differences)}`);
        }
      });

      test.each([
        [
          'a dropped column',
          ['alter table "dbo"."User" drop column "Phone"'],
          { kind: 'column-missing', table: 'dbo.User', name: 'Phone', message: 'dbo.User: column Phone is missing from the database' },
        ],
        [
          'an extra column',
          ['alter table "ref"."Country" add column "Capital" varchar(100) null'],
          { kind: 'column-unexpected', table: 'ref.Country', name: 'Capital' },
        ],
        [
          'a dropped index',
          ['drop index "dbo"."IX_Company_ABN"'],
          { kind: 'index-missing', table: 'dbo.Company', name: 'IX_Company_ABN' },
        ],
        [
          'a dropped foreign key',
          ['alter table "dbo"."UserCompany" drop constraint "FK_UserCompany_InvitedBy"'],
          { kind: 'foreign-key-missing', table: 'dbo.UserCompany', name: 'FK_UserCompany_InvitedBy' },
        ],
        [
          'a changed column type',
          ['alter table "dbo"."Company" alter column "TradingName" type varchar(50)'],
          { kind: 'column-changed', table: 'dbo.Company', name: 'TradingName', detail: 'type' },
        ],
        [
          'an email index over every user instead of the live ones (as before the migration that filtered it)',
          [
            'drop index "dbo"."UQ_User_Email"',
            'alter table "dbo"."User" add constraint "UQ_User_Email" unique ("Email")',
          ],
          { kind: 'index-changed', table: 'dbo.User', name: 'UQ_User_Email' },
        ],
        [
          'a dropped table',
          ['drop table "cache"."ABRSearch"'],
          { kind: 'table-missing', name: 'cache.ABRSearch', message: 'table cache.ABRSearch is missing from the database' },
        ],
      ])('%s', async (_, sql, expected) => {
        const db = getDb();
        for (const statement of sql) {
          await db.em().getConnection().execute(statement);
        }
        const result = await checkSchema(db.orm);
        expect(result.clean).toBe(false);
        expect(result.differences).toEqual([expect.objectContaining(expected)]);
        expect(result.sql.length).toBeGreaterThan(0);
      });
    });
  },
  // Nothing here writes rows; the drift cases restore the schema themselves.
  { resetAfterEach: false },
);
