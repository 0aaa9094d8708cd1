import { MSSQL_MAX_BOUND_PARAMETERS, MSSQL_MAX_PARAMETERS } from '../naming/mssql-parameters';
import { statementShape, tsqlViolations } from './tsql-checks';

const options = { dboTables: new Set(['User', 'Company']) };
const violations = (sql: string, parameters = 1): string[] => tsqlViolations(sql, parameters, options);

describe('tsqlViolations', () => {
  test.each([
    ['a plain select with a lock hint', 'select [u0].[UserID] from [User] as [u0] WITH (UPDLOCK, ROWLOCK) where [u0].[UserID] = @p0'],
    ['a schema-qualified table', 'select [c].* from [ref].[Country] as [c] order by [c].[SortOrder] asc'],
    ['a page', 'select [u0].* from [User] as [u0] order by [u0].[UserID] asc offset @p0 rows fetch next @p1 rows only'],
    ['LIKE with ESCAPE under a collation', "select [u0].* from [User] as [u0] where [u0].[FirstName] like @p0 collate Latin1_General_100_CI_AS escape '\\'"],
    ['words inside string literals', "select N'for update ilike now() true \"x\" limit' as [x] from [User] as [u0]"],
    ['OUTPUT into a temp table', 'insert into [User] ([Email]) output inserted.[UserID] values (@p0)'],
  ])('passes: %s', (_, sql) => {
    expect(violations(sql)).toEqual([]);
  });

  test.each([
    ['ILIKE', 'select [u0].* from [User] as [u0] where [u0].[FirstName] ilike @p0', /ILIKE/],
    [':: cast', 'select [u0].[UserID]::text from [User] as [u0]', /::/],
    ['RETURNING', 'insert into [User] ([Email]) values (@p0) returning [UserID]', /RETURNING/],
    ['FOR UPDATE', 'select [u0].* from [User] as [u0] where [u0].[UserID] = @p0 for update', /FOR UPDATE/],
    ['FOR SHARE', 'select [u0].* from [User] as [u0] for share', /FOR UPDATE \/ FOR SHARE/],
    ['SKIP LOCKED', 'select [u0].* from [User] as [u0] with (updlock) skip locked', /SKIP LOCKED/],
    ['$1 placeholders', 'select [u0].* from [User] as [u0] where [u0].[UserID] = $1', /\$1/],
    ['true literal', 'select [u0].* from [User] as [u0] where [u0].[IsActive] = true', /true\/false/],
    ['LIMIT', 'select [u0].* from [User] as [u0] limit 10', /LIMIT/],
    ['OFFSET without FETCH', 'select [u0].* from [User] as [u0] order by [u0].[UserID] offset 10 rows', /without FETCH/],
    ['OFFSET without ORDER BY', 'select [u0].* from [User] as [u0] offset @p0 rows fetch next @p1 rows only', /without ORDER BY/],
    ['ORDER BY only in a subquery', 'select [x].* from (select [u0].* from [User] as [u0] order by [u0].[UserID]) as [x] offset @p0 rows fetch next @p1 rows only', /without ORDER BY/],
    ['double-quoted identifier', 'select "u0"."UserID" from [User] as [u0]', /double-quoted/],
    ['now()', 'update [User] set [UpdatedDate] = now()', /now\(\)/],
    ['LIKE without ESCAPE', 'select [u0].* from [User] as [u0] where [u0].[FirstName] like @p0', /without ESCAPE/],
    ['LIKE on an inlined pattern without ESCAPE', "select [u0].* from [User] as [u0] where [u0].[FirstName] like N'%a\\_%'", /without ESCAPE/],
    ['a table of another schema unqualified', 'select [c].* from [Country] as [c]', /table \[Country\]/],
    ['an unbracketed table', 'select [c].* from ref.Country as [c]', /table ref\.Country/],
    ['an unbracketed column', 'select u0.UserID from [User] as [u0]', /unbracketed/],
  ])('fails: %s', (_, sql, rule) => {
    const found = violations(sql);
    expect(found).not.toEqual([]);
    expect(found.join('\n')).toMatch(rule);
  });

  test(`more than ${MSSQL_MAX_BOUND_PARAMETERS} parameters (${MSSQL_MAX_PARAMETERS} less the two of sp_executesql)`, () => {
    expect(violations('insert into [User] ([Email]) values (@p0)', MSSQL_MAX_BOUND_PARAMETERS)).toEqual([]);
    expect(violations('insert into [User] ([Email]) values (@p0)', MSSQL_MAX_BOUND_PARAMETERS + 1).join()).toMatch(/2099 parameters: SQL Server accepts at most 2100 per request, 2098 of them the statement's/);
  });
});

describe('statementShape', () => {
  test.each([
    ['parameter numbers', 'select [a] from [T] where [a] = @p12', 'select [a] from [T] where [a] = @p'],
    ['IN lists of any length', 'where [a] in (@p0, @p1, @p2)', 'where [a] in (@p, …)'],
    ['rows of a batch', 'insert into [T] ([a], [b]) values (@p0, @p1), (@p2, @p3), (@p4, @p5)', 'insert into [T] ([a], [b]) values (@p, …), …'],
    ['whitespace', 'select\n  [a]\tfrom [T]', 'select [a] from [T]'],
    ['inlined values, but not the escape character', "select top (20) [a] from [T] where [b] = N'x''y' and [c] like N'%a%' collate Latin1_General_100_CI_AS escape '\\' and [d] = '2026-01-01' and [s1] = 0", "select top (#) [a] from [T] where [b] = N'…' and [c] like N'…' collate Latin1_General_100_CI_AS escape '\\' and [d] = '…' and [s1] = #"],
    ['rows of inlined values', "insert into [T] ([a]) values (N'x', 1), (N'y', 2)", "insert into [T] ([a]) values (N'…', #), …"],
  ])('%s', (_, sql, shape) => {
    expect(statementShape(sql)).toBe(shape);
  });
});
