import { User } from '@eventlead/models';
import { LockMode } from '@mikro-orm/core';
import { withOfflineOrm } from '../ddl/offline-orm';
import type { SqlDialect } from '../ddl/sql-dialect';
import type { Orm } from '../orm';
import { containsText, likeContainsPattern } from './contains-text';

/** Renders a query on `dialect`'s platform without a server: SQL with placeholders and its parameters. */
async function render(dialect: SqlDialect, build: (orm: Orm) => { getQuery(): string; getParams(): readonly unknown[] }): Promise<{ sql: string; params: unknown[] }> {
  return withOfflineOrm(dialect, (orm) => {
    const qb = build(orm);
    return Promise.resolve({ sql: qb.getQuery(), params: qb.getParams().map((p) => (typeof p === 'object' && p !== null && 'value' in p ? (p).value : p)) });
  });
}

describe('likeContainsPattern', () => {
  test.each([
    ['postgresql', 'ann', '%ann%'],
    ['postgresql', '50%_off\\', '%50\\%\\_off\\\\%'],
    ['postgresql', '[a]', '%[a]%'],
    ['mssql', 'ann', '%ann%'],
    ['mssql', '50%_off\\', '%50\\%\\_off\\\\%'],
    ['mssql', '[a-c]^', '%\\[a-c]^%'],
  ] as const)('%s: %j → %j', (dialect, term, pattern) => {
    expect(likeContainsPattern(dialect, term)).toBe(pattern);
  });
});

describe('containsText renders per dialect, without a server', () => {
  const where = (orm: Orm) => orm.em.fork().createQueryBuilder(User, 'u').select('id').where({ firstName: containsText(orm.em.getPlatform(), 'a[b]%') });

  test('SQL Server: LIKE with ESCAPE under a case-insensitive collation, the pattern bound', async () => {
    const { sql, params } = await render('mssql', where);
    expect(sql).toBe("select [u].[UserID] from [User] as [u] where [u].[FirstName] like @p0 collate Latin1_General_100_CI_AS escape '\\'");
    expect(params).toEqual(['%a\\[b]\\%%']);
    expect(sql).not.toMatch(/ilike/i);
  });

  test('SQL Server: the pattern is Unicode (N\'…\'), so letters outside the code page survive', async () => {
    const sql = await withOfflineOrm('mssql', (orm) => Promise.resolve(orm.em.fork().createQueryBuilder(User, 'u').select('id').where({ lastName: containsText(orm.em.getPlatform(), 'Zoë 李') }).getFormattedQuery()));
    expect(sql).toBe("select [u].[UserID] from [User] as [u] where [u].[LastName] like N'%Zoë 李%' collate Latin1_General_100_CI_AS escape '\\'");
  });

  test('PostgreSQL and PGlite: ILIKE with ESCAPE, the pattern bound', async () => {
    const { sql, params } = await render('postgresql', where);
    expect(sql).toBe('select "u"."UserID" from "dbo"."User" as "u" where "u"."FirstName" ilike $1 escape \'\\\'');
    expect(params).toEqual(['%a[b]\\%%']);
  });
});

describe('pessimistic locks render per dialect, without a server', () => {
  // A query builder only accepts a lock inside a transaction; rendering needs no real one.
  const locked = (mode: LockMode) => (orm: Orm) => {
    const em = orm.em.fork();
    em.setTransactionContext({ offline: true });
    return em.createQueryBuilder(User, 'u').select('*').where({ id: 7 }).setLockMode(mode);
  };

  test.each([
    [LockMode.PESSIMISTIC_WRITE, 'WITH (UPDLOCK, ROWLOCK)'],
    [LockMode.PESSIMISTIC_READ, 'WITH (HOLDLOCK, ROWLOCK)'],
    [LockMode.PESSIMISTIC_WRITE_OR_FAIL, 'WITH (UPDLOCK, ROWLOCK, NOWAIT)'],
    [LockMode.PESSIMISTIC_PARTIAL_WRITE, 'WITH (UPDLOCK, ROWLOCK, READPAST)'],
  ])('SQL Server: lock mode %s is the table hint %s on the main table', async (mode, hint) => {
    const { sql } = await render('mssql', locked(mode));
    expect(sql).toBe(`select [u].* from [dbo].[User] as [u] ${hint} where [u].[UserID] = @p0`);
    expect(sql).not.toMatch(/for update|for share|skip locked|nowait(?!\))/i);
  });

  test('SQL Server: the hint sits on the locked table, not after the joins', async () => {
    const { sql } = await render('mssql', (orm) => {
      const em = orm.em.fork();
      em.setTransactionContext({ offline: true });
      return em.createQueryBuilder(User, 'u').select('*').leftJoin('u.status', 's').where({ id: 7 }).setLockMode(LockMode.PESSIMISTIC_WRITE);
    });
    expect(sql).toMatch(/^select \[u\]\.\* from \[dbo\]\.\[User\] as \[u\] WITH \(UPDLOCK, ROWLOCK\) left join \[ref\]\.\[UserStatus\] as \[s\] on .* where \[u\]\.\[UserID\] = @p0$/);
  });

  test('PostgreSQL: FOR UPDATE', async () => {
    const { sql } = await render('postgresql', locked(LockMode.PESSIMISTIC_WRITE));
    expect(sql).toBe('select "u".* from "dbo"."User" as "u" where "u"."UserID" = $1 for update');
  });
});
