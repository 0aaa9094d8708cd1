import { findWorkspaceRoot } from '../workspace-root';
import { corpusEntries, corpusViolations, parseCorpus, readCorpus, renderCorpus, schemaCheckOptions } from './corpus';

describe('the committed SQL Server statement corpus (docs/database/mssql-statements.sql)', () => {
  let text: string;

  beforeAll(async () => {
    const found = await readCorpus(findWorkspaceRoot(__dirname));
    if (found === undefined) throw new Error('docs/database/mssql-statements.sql is missing: run pnpm db:statements');
    text = found;
  });

  test('holds statements from every kind of work: reads, pages, locks, inserts, updates, audit rows, the request log', () => {
    const entries = parseCorpus(text);
    expect(entries.length).toBeGreaterThan(30);
    const all = entries.map((e) => e.shape).join('\n');
    expect(all).toMatch(/offset @p rows fetch next @p rows only/);
    expect(all).toMatch(/WITH \(UPDLOCK, ROWLOCK\)/);
    expect(all).toMatch(/^update \[User\] set /m);
    expect(all).toMatch(/^insert into \[audit\]\.\[User\] /m);
    expect(all).toMatch(/^insert into \[log\]\.\[ApiRequest\] /m);
    expect(all).toMatch(/like @p collate Latin1_General_100_CI_AS escape '\\'/);
  });

  test('binds the values of every statement: the only one without a parameter is the readiness probe, which has no value', () => {
    expect(parseCorpus(text).filter((e) => e.maxParameters === 0).map((e) => e.shape)).toEqual(['select #']);
  });

  test('passes every T-SQL check', () => {
    expect(corpusViolations(parseCorpus(text), schemaCheckOptions())).toEqual([]);
  });

  test('reads back as written', () => {
    expect(renderCorpus(parseCorpus(text))).toBe(text);
  });

  test('a planted ILIKE statement fails the checks, named with its producer', () => {
    const planted = renderCorpus([
      ...parseCorpus(text),
      ...corpusEntries([{ sql: 'select [u0].[UserID] from [User] as [u0] where [u0].[FirstName] ilike @p0', parameters: 1, values: ['%a%'], source: 'planted' }]),
    ]);
    const violations = corpusViolations(parseCorpus(planted), schemaCheckOptions());
    expect(violations).toHaveLength(1);
    expect(violations.join('\n')).toMatch(/ILIKE is PostgreSQL only[\s\S]*from: planted/);
  });
});
