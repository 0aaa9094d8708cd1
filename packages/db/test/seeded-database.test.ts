import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Company, JoinedVia, User, UserCompany, UserCompanyRole, UserCompanyStatus, UserStatus, entities } from '@eventlead/models';
import {
  JOINED_VIA,
  USER_COMPANY_ROLE,
  USER_COMPANY_STATUS,
  USER_STATUS,
  checkSchema,
  findWorkspaceRoot,
  generateDdl,
  seedReferenceData,
} from '../src';
import { describeEachDatabase } from '../src/testing';

const SCHEMAS = ['dbo', 'ref', 'config', 'audit', 'log', 'cache'];
const PASCAL = '[A-Z][A-Za-z0-9]*';

describeEachDatabase(
  'a migrated and seeded database',
  (getDb) => {
    const sql = <T>(text: string) => getDb().em().getConnection().execute<T[]>(text);
    // The tests that only read share the seeded database; those that write rows call `writes()`, and
    // the database is emptied and seeded again after them (a reset after every test cost a reseed each).
    let dirty = false;
    const writes = () => {
      dirty = true;
    };
    afterEach(async () => {
      if (dirty) {
        dirty = false;
        await getDb().reset();
      }
    });

    test('migrate, then seed twice: clean, and the same row counts after the second seed', async () => {
      const first = await seedReferenceData(getDb().orm); // the suite seeded once already
      const second = await seedReferenceData(getDb().orm);
      expect(second).toEqual(first);
      expect(Object.values(second).every((count) => count.inserted === 0 && count.updated === 0)).toBe(true);
      expect(await checkSchema(getDb().orm)).toEqual({ clean: true, differences: [], sql: [] });
    });

    test('every reference table carries its seed data', async () => {
      const counts = await sql<{ table: string; rows: number }>(
        `select 'Country' as "table", count(*)::int as "rows" from ref."Country"
         union all select 'Language', count(*)::int from ref."Language"
         union all select 'Industry', count(*)::int from ref."Industry"
         union all select 'Timezone', count(*)::int from ref."Timezone"
         union all select 'UserStatus', count(*)::int from ref."UserStatus"
         union all select 'UserCompanyRole', count(*)::int from ref."UserCompanyRole"
         union all select 'AppSetting', count(*)::int from config."AppSetting"`,
      );
      expect(Object.fromEntries(counts.map((c) => [c.table, c.rows]))).toEqual({
        Country: 249,
        Language: 183,
        Industry: 19,
        Timezone: 12,
        UserStatus: 5,
        UserCompanyRole: 5,
        AppSetting: 8,
      });
      const [au] = await sql<Record<string, string>>(`select "Alpha3", "NumericCode", "PhonePrefix", "Name" from ref."Country" where "Code" = 'AU'`);
      expect(au).toEqual({ Alpha3: 'AUS', NumericCode: '036', PhonePrefix: '+61', Name: 'Australia' });
    });

    test('every primary key, foreign key, unique, check and index has its standard name in the catalog', async () => {
      const constraints = await sql<{ table: string; name: string; type: string }>(
        `select rel.relname as "table", con.conname as "name", con.contype as "type"
           from pg_constraint con
           join pg_class rel on rel.oid = con.conrelid
           join pg_namespace ns on ns.oid = rel.relnamespace
          where ns.nspname in (${SCHEMAS.map((s) => `'${s}'`).join(', ')})`,
      );
      const indexes = await sql<{ table: string; name: string }>(
        `select tablename as "table", indexname as "name" from pg_indexes where schemaname in (${SCHEMAS.map((s) => `'${s}'`).join(', ')})`,
      );
      const expectedPrefix: Record<string, string> = { p: 'PK', f: 'FK', u: 'UQ', c: 'CK' };
      expect(constraints.filter((c) => c.type === 'p')).toHaveLength(entities.length);
      const misnamedConstraints = constraints.filter(({ table, name, type }) => {
        const pattern = type === 'p' ? `^PK_${table}$` : `^${expectedPrefix[type] ?? '?'}_${table}(_${PASCAL})+$`;
        return !new RegExp(pattern).test(name);
      });
      expect(misnamedConstraints).toEqual([]);
      const misnamedIndexes = indexes.filter(({ table, name }) => !new RegExp(`^(PK|UQ|IX)_${table}(_${PASCAL})*$`).test(name));
      expect(misnamedIndexes).toEqual([]);
      expect([...constraints, ...indexes].filter((c) => /_pkey|_fkey|_key$|_idx$|_index$|_check$|_seq$/.test(c.name))).toEqual([]);
    });

    test('every index the committed DDL defines exists in the database', async () => {
      const ddl = await generateDdl('postgresql');
      const defined = [...ddl.matchAll(/create (?:unique )?index "([^"]+)" on "([a-z]+)"\."([^"]+)"/g)].map((m) => `${m[2]}.${m[3]}.${m[1]}`);
      const uniques = [...ddl.matchAll(/alter table "([a-z]+)"\."([^"]+)" add constraint "(UQ_[^"]+)" unique/g)].map((m) => `${m[1]}.${m[2]}.${m[3]}`);
      const present = (await sql<{ name: string }>(`select schemaname || '.' || tablename || '.' || indexname as "name" from pg_indexes`)).map((r) => r.name);
      expect(defined.length + uniques.length).toBeGreaterThan(60);
      expect(present).toEqual(expect.arrayContaining([...defined, ...uniques]));
    });

    test('audit columns are filled by the database when a row is written without them', async () => {
      writes();
      const [row] = await sql<Record<string, unknown>>(
        `insert into ref."Industry" ("Code", "Name") values ('ZZ', 'Inserted by raw SQL')
         returning "CreatedDate", "UpdatedDate", "IsDeleted", "IsActive", "SortOrder", "CreatedBy"`,
      );
      const created = new Date(row!.CreatedDate as string | Date);
      expect(Math.abs(Date.now() - created.getTime())).toBeLessThan(60_000);
      expect(row).toMatchObject({ IsDeleted: false, IsActive: true, SortOrder: 0, CreatedBy: null });
      const [audit] = await sql<Record<string, unknown>>(
        `insert into audit."User" ("UserID", "ChangeType") values (1, 'UPDATE') returning "ChangedDate", "CreatedDate"`,
      );
      expect(audit?.ChangedDate).toBeTruthy();
      expect(audit?.CreatedDate).toBeTruthy();
    });

    test('User, Company and UserCompany join with the seeded role, status and joined-via rows', async () => {
      writes();
      const em = getDb().em();
      const owner = em.create(User, {
        email: 'owner@example.com',
        passwordHash: '$2b$12$abcdefghijklmnopqrstuuO5hKWQGcXFrxXwrz9PmZ8gVSpTmCuXy',
        status: await em.findOneOrFail(UserStatus, { code: USER_STATUS.active }),
      });
      const company = em.create(Company, { companyName: 'Acme Events Pty Ltd', abn: '51824753556' });
      em.create(UserCompany, {
        user: owner,
        company,
        role: await em.findOneOrFail(UserCompanyRole, { code: USER_COMPANY_ROLE.owner }),
        status: await em.findOneOrFail(UserCompanyStatus, { code: USER_COMPANY_STATUS.active }),
        joinedVia: await em.findOneOrFail(JoinedVia, { code: JOINED_VIA.signup }),
        isDefaultCompany: true,
      });
      await em.flush();

      const memberships = await getDb()
        .em()
        .find(UserCompany, { user: { email: 'owner@example.com' } }, { populate: ['user', 'company', 'role', 'status', 'joinedVia'] });
      expect(memberships).toHaveLength(1);
      expect(memberships[0]).toMatchObject({
        isDefaultCompany: true,
        user: { email: 'owner@example.com' },
        company: { companyName: 'Acme Events Pty Ltd' },
        role: { code: 'owner', name: 'Owner' },
        status: { code: 'active' },
        joinedVia: { code: 'signup' },
      });

      // The hand-written SQL of docs/database/quick-reference.md runs as printed.
      const quick = await readFile(join(findWorkspaceRoot(__dirname), 'docs/database/quick-reference.md'), 'utf8');
      const query = /-- A user's companies and roles\n([\s\S]+?);/.exec(quick)?.[1];
      expect(query).toBeDefined();
      const rows = await sql<Record<string, unknown>>(query!.replace('someone@example.com', 'owner@example.com'));
      expect(rows).toEqual([{ Email: 'owner@example.com', CompanyName: 'Acme Events Pty Ltd', Role: 'owner', IsDefaultCompany: true }]);
    });
  },
  { seed: true, resetAfterEach: false },
);
