import { MikroORM } from '@mikro-orm/core';
import type { AbstractSqlDriver } from '@mikro-orm/knex';
import {
  Company,
  JoinedVia,
  User,
  UserCompany,
  UserCompanyRole,
  UserCompanyStatus,
  UserStatus,
  entities,
  isSoftDeletable,
  softDeletableEntities,
  solomonNamePatterns,
} from '@eventlead/models';
import { createOrmConfig } from './config';
import { describeEachDatabase } from './testing';

/** The real entities of @eventlead/models, through the configuration the app uses. */
describeEachDatabase('the @eventlead/models entities', (getDb) => {
  async function seedMembership() {
    const em = getDb().em();
    const ref = { sortOrder: 0, isActive: true };
    const status = em.create(UserStatus, { code: 'Active', name: 'Active', ...ref });
    const role = em.create(UserCompanyRole, { code: 'Admin', name: 'Admin', ...ref });
    const memberStatus = em.create(UserCompanyStatus, { code: 'Active', name: 'Active', ...ref });
    const joinedVia = em.create(JoinedVia, { code: 'Signup', name: 'Signup', ...ref });
    const user = em.create(User, { email: 'owner@example.com', passwordHash: 'x', status });
    const company = em.create(Company, { companyName: 'Acme Events Pty Ltd' });
    em.create(UserCompany, { user, company, role, status: memberStatus, joinedVia, isDefaultCompany: true });
    await em.flush();
    return { userId: user.id, companyId: company.id };
  }

  test('User / Company / UserCompany join query', async () => {
    const { userId } = await seedMembership();
    const rows = await getDb()
      .em()
      .find(UserCompany, { user: userId }, { populate: ['user', 'company', 'role', 'status'] });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      isDefaultCompany: true,
      user: { email: 'owner@example.com' },
      company: { companyName: 'Acme Events Pty Ltd' },
      role: { code: 'Admin' },
    });
  });

  test('user.userCompanies is navigable to the companies', async () => {
    const { userId } = await seedMembership();
    const user = await getDb().em().findOneOrFail(User, userId, { populate: ['userCompanies.company'] });
    expect(user.userCompanies.getItems().map((uc) => uc.company.companyName)).toEqual(['Acme Events Pty Ltd']);
  });

  test('a soft-deleted company disappears from its live user', async () => {
    const { userId, companyId } = await seedMembership();
    const em = getDb().em();
    em.remove(await em.findOneOrFail(Company, companyId));
    await em.flush();
    const user = await getDb().em().findOneOrFail(User, userId, { populate: ['userCompanies.company'] });
    expect(user.userCompanies.getItems()).toEqual([]);
  });

  test('soft-delete detection on the ORM’s discovered metadata agrees with the models’ list for all entities', () => {
    const metadata = getDb().orm.getMetadata();
    const all = Object.values(metadata.getAll()).filter((meta) => !meta.embeddable && !meta.virtual);
    expect(all.length).toBeGreaterThanOrEqual(entities.length);
    const listed = new Set(softDeletableEntities.map((entity) => entity.meta.className));
    for (const meta of all) {
      expect({ entity: meta.className, softDeletable: isSoftDeletable(meta) }).toEqual({
        entity: meta.className,
        softDeletable: listed.has(meta.className),
      });
    }
  });

  test('every constraint and index in the catalog has its standard name', async () => {
    const connection = getDb().em().getConnection();
    const constraints = await connection.execute<{ schema: string; table: string; name: string; type: string }[]>(
      `select ns.nspname as "schema", rel.relname as "table", con.conname as "name", con.contype as "type"
         from pg_constraint con
         join pg_class rel on rel.oid = con.conrelid
         join pg_namespace ns on ns.oid = rel.relnamespace
        where ns.nspname in ('dbo', 'ref', 'config', 'audit', 'log', 'cache')`,
    );
    const pattern: Record<string, RegExp> = {
      p: solomonNamePatterns.primaryKey,
      f: solomonNamePatterns.foreignKey,
      u: solomonNamePatterns.unique,
      c: solomonNamePatterns.check,
    };
    const misnamed = constraints.filter((c) => !(pattern[c.type]?.test(c.name) ?? false));
    expect(misnamed).toEqual([]);
    const tables = await connection.execute<{ n: number }[]>(
      `select count(*)::int as n from information_schema.tables
        where table_schema in ('dbo', 'ref', 'config', 'audit', 'log', 'cache') and table_type = 'BASE TABLE'`,
    );
    const primaryKeys = constraints.filter((c) => c.type === 'p');
    expect(primaryKeys).toHaveLength(tables[0]?.n ?? -1);
    expect(primaryKeys).toEqual(expect.arrayContaining([{ schema: 'dbo', table: 'User', name: 'PK_User', type: 'p' }]));
    // UQ_User_Email is a filtered unique index (live users only), not a constraint.
    const email = await connection.execute<{ definition: string }[]>(
      `select indexdef as "definition" from pg_indexes where schemaname = 'dbo' and indexname = 'UQ_User_Email'`,
    );
    expect(email).toEqual([{ definition: expect.stringMatching(/^CREATE UNIQUE INDEX "UQ_User_Email" ON dbo."User" USING btree \("Email"\) WHERE \("IsDeleted" = false\)$/) as unknown }]);

    const indexes = await connection.execute<{ name: string }[]>(
      `select indexname as "name" from pg_indexes where schemaname in ('dbo', 'ref', 'config', 'audit', 'log', 'cache')`,
    );
    const anyIndexName = [solomonNamePatterns.primaryKey, solomonNamePatterns.unique, solomonNamePatterns.index];
    expect(indexes.filter((i) => !anyIndexName.some((p) => p.test(i.name)))).toEqual([]);
  });

  test('CreatedDate defaults to current_timestamp in a timestamptz everywhere', async () => {
    const columns = await getDb()
      .em()
      .getConnection()
      .execute<{ table: string; type: string; default: string | null }[]>(
        `select table_schema || '.' || table_name as "table", data_type as "type", column_default as "default"
           from information_schema.columns
          where column_name = 'CreatedDate' and table_schema in ('dbo', 'ref', 'config', 'audit', 'log', 'cache')`,
      );
    expect(columns.length).toBeGreaterThan(0);
    for (const column of columns) {
      expect(column).toEqual({ table: column.table, type: 'timestamp with time zone', default: 'CURRENT_TIMESTAMP' });
    }
  });
});

describe('SQL Server DDL of the @eventlead/models entities', () => {
  let ddl: string;

  beforeAll(async () => {
    const orm = await MikroORM.init<AbstractSqlDriver>(createOrmConfig({ DATABASE_URL: 'mssql://sa:pw@127.0.0.1:1/EventLead' }, { connect: false }));
    try {
      ddl = await orm.schema.getCreateSchemaSQL();
    } finally {
      await orm.close(true);
    }
  });

  test.each([
    'CONSTRAINT [PK_User] PRIMARY KEY ([UserID])',
    '[CreatedDate] datetime2 not null CONSTRAINT [DF_User_CreatedDate] DEFAULT GETUTCDATE()',
    'CONSTRAINT [DF_User_IsDeleted] DEFAULT 0',
    'create unique index [UQ_User_Email] on [dbo].[User] ([Email]) where [IsDeleted] = 0',
    'constraint [FK_UserCompany_UserID] foreign key',
    'create schema [ref]',
    'CREATE TABLE [audit].[User]',
  ])('contains %s', (fragment) => {
    expect(ddl).toContain(fragment);
  });

  test('every key and default is named; no local-time defaults', () => {
    expect(ddl).not.toMatch(/primary key(?! \()/i);
    expect(ddl).not.toMatch(/_default\]/i);
    expect(ddl).not.toMatch(/current_timestamp|getdate\(\)/i);
  });
});
