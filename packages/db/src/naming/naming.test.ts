import { MikroORM } from '@mikro-orm/core';
import type { AbstractSqlDriver } from '@mikro-orm/knex';
import { testEntities } from '../../test/fixtures/entities';
import { createOrmConfig } from '../config';
import { describeEachDatabase } from '../testing';
import { SolomonNamingStrategy } from './solomon-naming-strategy';

describe('SolomonNamingStrategy', () => {
  const naming = new SolomonNamingStrategy();

  test.each([
    ['dbo.User', ['UserID'], 'primary', 'PK_User'],
    ['UserCompany', ['UserID'], 'foreign', 'FK_UserCompany_UserID'],
    ['dbo.User', ['Email'], 'unique', 'UQ_User_Email'],
    ['UserCompany', ['UserID', 'CompanyID'], 'unique', 'UQ_UserCompany_UserID_CompanyID'],
    ['Company', ['CompanyName'], 'index', 'IX_Company_CompanyName'],
    ['User', ['AccessTokenVersion'], 'check', 'CK_User_AccessTokenVersion'],
    ['User', ['UserID'], 'sequence', 'User_UserID_seq'],
    // Beyond what solomonName builds: MikroORM's own table, several FK columns.
    ['mikro_orm_migrations', ['id'], 'primary', 'PK_mikro_orm_migrations'],
    ['Invoice', ['CompanyID', 'InvoiceNo'], 'foreign', 'FK_Invoice_CompanyID_InvoiceNo'],
  ] as const)('%s %p %s → %s', (table, columns, type, expected) => {
    expect(naming.indexName(table, [...columns], type)).toBe(expected);
  });

  test('DF_ names and PascalCase fallbacks for anything left unnamed', () => {
    expect(naming.defaultConstraintName('dbo.User', 'CreatedDate')).toBe('DF_User_CreatedDate');
    expect(naming.classToTableName('UserCompany')).toBe('UserCompany');
    expect(naming.propertyToColumnName('firstName')).toBe('FirstName');
    expect(naming.propertyToColumnName('userId')).toBe('UserID');
    expect(naming.joinColumnName('company')).toBe('CompanyID');
  });
});

describe('SQL Server DDL (rendered without a server)', () => {
  let ddl: string;

  beforeAll(async () => {
    const orm = await MikroORM.init<AbstractSqlDriver>(
      createOrmConfig({ DATABASE_URL: 'mssql://sa:pw@127.0.0.1:1/EventLead' }, { entities: testEntities, connect: false }),
    );
    try {
      ddl = await orm.schema.getCreateSchemaSQL();
    } finally {
      await orm.close(true);
    }
  });

  test.each([
    'CONSTRAINT [PK_Person] PRIMARY KEY ([PersonID])',
    '[PersonID] bigint identity(1,1) not null,',
    '[CreatedDate] datetime2 not null CONSTRAINT [DF_Person_CreatedDate] DEFAULT GETUTCDATE()',
    '[UpdatedDate] datetime2 not null CONSTRAINT [DF_Membership_UpdatedDate] DEFAULT GETUTCDATE()',
    '[IsDeleted] bit not null CONSTRAINT [DF_Person_IsDeleted] DEFAULT 0',
    'CREATE UNIQUE INDEX [UQ_Person_Email] ON [Person] ([Email])',
    'CREATE INDEX [IX_Company_CompanyName] ON [Company] ([CompanyName])',
    'constraint [CK_Person_LoginCount] check',
    'add constraint [FK_Membership_PersonID] foreign key ([PersonID]) references [Person] ([PersonID])',
    'CREATE TABLE [log].[LoginEvent]',
  ])('contains %s', (fragment) => {
    expect(ddl).toContain(fragment);
  });

  test('no unnamed keys or defaults, no local-time defaults', () => {
    expect(ddl).not.toMatch(/primary key(?! \()/i);
    expect(ddl).not.toMatch(/_default\]/i);
    expect(ddl).not.toMatch(/current_timestamp|getdate\(\)/i);
  });
});

describeEachDatabase(
  'constraint names in the database catalog',
  (getDb) => {
    interface ConstraintRow {
      table: string;
      name: string;
      type: string;
    }

    test('DDL names the primary key PK_Table instead of Table_pkey', async () => {
      const ddl = await getDb().orm.schema.getCreateSchemaSQL();
      expect(ddl).toContain('constraint "PK_Person" primary key ("PersonID")');
      expect(ddl).toContain('"CreatedDate" timestamptz not null default current_timestamp');
    });

    test('every constraint and index carries its Solomon name', async () => {
      const connection = getDb().em().getConnection();
      const constraints = await connection.execute<ConstraintRow[]>(
        `select rel.relname as "table", con.conname as "name", con.contype as "type"
           from pg_constraint con
           join pg_class rel on rel.oid = con.conrelid
           join pg_namespace ns on ns.oid = rel.relnamespace
          where ns.nspname in ('dbo', 'log')
          order by 1, 2`,
      );
      const indexes = await connection.execute<{ name: string }[]>(
        `select indexname as "name" from pg_indexes where schemaname in ('dbo', 'log') order by 1`,
      );
      expect(constraints).toEqual(
        expect.arrayContaining([
          { table: 'Company', name: 'PK_Company', type: 'p' },
          { table: 'Person', name: 'PK_Person', type: 'p' },
          { table: 'Person', name: 'UQ_Person_Email', type: 'u' },
          { table: 'Person', name: 'CK_Person_LoginCount', type: 'c' },
          { table: 'Membership', name: 'FK_Membership_PersonID', type: 'f' },
          { table: 'Membership', name: 'FK_Membership_CompanyID', type: 'f' },
          { table: 'LoginEvent', name: 'PK_LoginEvent', type: 'p' },
        ]),
      );
      for (const { name } of [...constraints, ...indexes]) {
        expect(name).toMatch(/^(PK|FK|UQ|IX|CK)_[A-Z][A-Za-z0-9]*(_[A-Z][A-Za-z0-9]*)*$/);
      }
      expect(indexes.map((i) => i.name)).toContain('IX_Company_CompanyName');
    });
  },
  { overrides: { entities: testEntities } },
);
