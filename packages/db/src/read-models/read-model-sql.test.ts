import { createORM, type Orm } from '../orm';
import { createOrmConfig } from '../config';
import { companyReadModelStatements, userReadModelStatements } from './index';

// ORMs that never connect: the statements are compiled from metadata and filters alone.
async function offlineOrm(url: string): Promise<Orm> {
  return createORM(createOrmConfig({ DATABASE_URL: url }, { connect: false }));
}

describe('read model statements', () => {
  let mssql: Orm;
  let postgres: Orm;
  beforeAll(async () => {
    mssql = await offlineOrm('mssql://sa:unused@db.invalid:1433/EventLead');
    postgres = await offlineOrm('postgresql://postgres@db.invalid:5432/eventlead');
  });
  afterAll(async () => {
    await mssql.close(true);
    await postgres.close(true);
  });

  test('render for SQL Server as T-SQL with [brackets], the ref schema, the soft-delete filter on every table and no value inlined', async () => {
    const statements = [...(await userReadModelStatements(mssql.em.fork())), ...(await companyReadModelStatements(mssql.em.fork()))];
    expect(statements.map((s) => s.name.replace(/_[0-9a-f]{16}$/, ''))).toEqual(['user_detail', 'users_page_page', 'users_page_count', 'company_detail', 'companies_page_page', 'companies_page_count']);
    for (const { sql, nativeSql, bindings } of statements) {
      expect(sql).not.toContain('"');
      expect(nativeSql).toMatch(/@p0/);
      // One IsDeleted condition per table read (bound as a parameter, never inlined).
      expect(sql.match(/\[IsDeleted\] = \?/g)?.length).toBe(sql.match(/ as \[(e0|t\d+)\]/g)?.length);
      expect(bindings.length).toBe(sql.match(/\?/g)?.length);
    }
    const [userDetail, usersPage] = statements;
    expect(userDetail?.sql).toContain('[ref].[UserStatus]');
    expect(userDetail?.sql).toContain('[ref].[JoinedVia]');
    expect(usersPage?.sql).toMatch(/offset \? rows fetch next \? rows only/);
  });

  test('render for PostgreSQL with $n placeholders and the same shape as on SQL Server', async () => {
    const pg = await userReadModelStatements(postgres.em.fork());
    const ms = await userReadModelStatements(mssql.em.fork());
    expect(pg[0]?.nativeSql).toContain('from "dbo"."User" as "e0"');
    expect(pg[0]?.nativeSql).toMatch(/\$1/);
    expect(pg.map((s) => s.slots.length)).toEqual(ms.map((s) => s.slots.length));
  });
});
