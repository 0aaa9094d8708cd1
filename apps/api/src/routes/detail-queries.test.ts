import { createOrmConfig, createORM, type Orm } from '@eventlead/db';
import { buildCompanyDetailQuery, toCompanyDetailDto } from './company-detail.query';
import { compileWithId } from './fixed-statement';
import { buildUserDetailQuery, toUserDetailDto } from './user-detail.query';

// ORMs that never connect: only their knex dialects are used, to render the statements.
async function offlineOrm(url: string): Promise<Orm> {
  return createORM(createOrmConfig({ DATABASE_URL: url }, { connect: false }));
}

describe('detail statements', () => {
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

  test.each([
    ['user', buildUserDetailQuery, ['[dbo].[User] as [u]', '[ref].[UserStatus] as [s]', '[dbo].[UserCompany] as [uc]', '[dbo].[Company] as [c]', '[ref].[UserCompanyRole] as [r]', '[ref].[UserCompanyStatus] as [ms]', '[u].[IsDeleted] = ?']],
    ['company', buildCompanyDetailQuery, ['[dbo].[Company] as [c]', '[dbo].[UserCompany] as [uc]', '[dbo].[User] as [u]', '[ref].[UserCompanyRole] as [r]', '[ref].[UserCompanyStatus] as [ms]', '[c].[IsDeleted] = ?']],
  ] as const)('the %s statement renders for SQL Server with [brackets], dbo/ref schemas and the id bound once', (_name, build, fragments) => {
    const { sql, bindings, idIndex } = compileWithId(mssql.em.getKnex(), build);
    for (const fragment of fragments) expect(sql).toContain(fragment);
    expect(sql).not.toContain('"');
    expect(bindings.filter((b) => b === false).length).toBe(bindings.length - 1);
    expect(idIndex).toBeGreaterThanOrEqual(0);
  });

  test('the PostgreSQL rendering uses double-quoted identifiers and the same bindings', () => {
    const pg = compileWithId(postgres.em.getKnex(), buildUserDetailQuery);
    const ms = compileWithId(mssql.em.getKnex(), buildUserDetailQuery);
    expect(pg.sql).toContain('from "dbo"."User" as "u"');
    expect(pg.bindings).toEqual(ms.bindings);
    expect(pg.idIndex).toBe(ms.idIndex);
  });
});

describe('detail row mapping', () => {
  const userRow = {
    id: '7', email: 'a@example.com', firstName: 'A', lastName: null, phone: null, roleTitle: null,
    isEmailVerified: false, createdDate: '2026-01-02 03:04:05.678+00', updatedDate: new Date('2026-01-02T03:04:05.678Z'),
    status: 'active',
  };
  const membership = { companyId: '9', companyName: 'Nine', roleCode: 'owner', roleName: 'Owner', membershipStatus: 'active', isDefaultCompany: 1 };
  const none = { companyId: null, companyName: null, roleCode: null, roleName: null, membershipStatus: null, isDefaultCompany: null };

  test('no rows is no user; a user without live memberships has none; rows become sorted memberships', () => {
    expect(toUserDetailDto([])).toBeUndefined();
    expect(toUserDetailDto([{ ...userRow, ...none }])?.companies).toEqual([]);
    const detail = toUserDetailDto([
      { ...userRow, ...membership },
      { ...userRow, ...membership, companyId: 3, companyName: 'Three', isDefaultCompany: false },
      { ...userRow, ...membership, companyId: 5, roleCode: null },
    ]);
    expect(detail).toEqual({
      id: 7, email: 'a@example.com', firstName: 'A', lastName: null, phone: null, roleTitle: null, status: 'active',
      isEmailVerified: false, createdDate: '2026-01-02T03:04:05.678Z', updatedDate: '2026-01-02T03:04:05.678Z',
      companies: [
        { companyId: 3, companyName: 'Three', role: { code: 'owner', name: 'Owner' }, status: 'active', isDefaultCompany: false },
        { companyId: 9, companyName: 'Nine', role: { code: 'owner', name: 'Owner' }, status: 'active', isDefaultCompany: true },
      ],
    });
  });

  test('company rows become the company with sorted members', () => {
    const company = {
      id: 2, companyName: 'Two', abn: null, acn: '004028078', tradingName: null, gstRegistered: 't', isActive: true,
      createdDate: new Date('2026-01-02T03:04:05.678Z'), updatedDate: '2026-01-02T03:04:05.678Z',
    };
    const member = { userId: '11', email: 'b@example.com', firstName: null, lastName: 'B', roleCode: 'admin', roleName: 'Admin', membershipStatus: 'active', isDefaultCompany: false };
    expect(toCompanyDetailDto([])).toBeUndefined();
    expect(toCompanyDetailDto([{ ...company, userId: null, roleCode: null, membershipStatus: null }])?.users).toEqual([]);
    expect(toCompanyDetailDto([{ ...company, ...member }, { ...company, ...member, userId: 4 }])).toMatchObject({
      id: 2, acn: '004028078', gstRegistered: true, createdDate: '2026-01-02T03:04:05.678Z',
      users: [{ userId: 4 }, { userId: 11, lastName: 'B', role: { code: 'admin', name: 'Admin' } }],
    });
  });
});
