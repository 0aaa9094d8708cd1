import { entities, entitiesBySchema } from '@eventlead/models';
import { ddlStatements } from './ddl-statements';
import { generateDdl, generateDeploymentScript } from './generate-ddl';

/** A Solomon constraint or index name: prefix, table, then PascalCase parts. */
const SOLOMON_NAME = /^(PK|FK|UQ|IX|CK|DF)_[A-Z][A-Za-z0-9]*(_[A-Z][A-Za-z0-9]*)*$/;

describe('ddlStatements', () => {
  test.each([
    ['one statement', 'create schema "ref";\n', ['create schema "ref"']],
    ['blank lines and comments dropped', '-- header\n\ncreate schema "a";\n\n\ncreate schema "b";\n', ['create schema "a"', 'create schema "b"']],
    ['whitespace collapsed', 'create   table "t"\n  ("A" int);', ['create table "t" ("A" int)']],
    ['a ; inside a string literal does not split', "insert into t values ('a;\nb');\nselect 1;", ["insert into t values ('a; b')", 'select 1']],
    ['a final statement without ;', 'select 1', ['select 1']],
  ])('%s', (_, sql, expected) => {
    expect(ddlStatements(sql)).toEqual(expected);
  });
});

describe('generateDdl: SQL Server, without a server', () => {
  let ddl: string;

  beforeAll(async () => {
    ddl = await generateDdl('mssql');
  });

  test('creates all 35 tables', () => {
    expect(ddl.match(/^CREATE TABLE /gm)).toHaveLength(entities.length);
    for (const entity of entities) {
      const { schema, tableName } = entity.meta;
      expect(ddl).toContain(schema === 'dbo' ? `CREATE TABLE [${tableName}] (` : `CREATE TABLE [${schema}].[${tableName}] (`);
    }
  });

  test('creates all six schemas (dbo is SQL Server’s default schema, which always exists)', () => {
    for (const schema of Object.keys(entitiesBySchema).filter((s) => s !== 'dbo')) {
      expect(ddl).toContain(`if (schema_id('${schema}') is null) begin exec ('create schema [${schema}] authorization [dbo]') end;`);
    }
    expect(ddl).toContain('authorization [dbo]');
  });

  test('timestamps are datetime2 with GETUTCDATE() defaults; no local-time or legacy datetime', () => {
    expect(ddl).toContain('[CreatedDate] datetime2 not null CONSTRAINT [DF_User_CreatedDate] DEFAULT GETUTCDATE()');
    expect(ddl).toContain('[ChangedDate] datetime2 not null CONSTRAINT [DF_User_ChangedDate] DEFAULT GETUTCDATE()');
    expect(ddl).not.toMatch(/\bdatetime\b(?!2)|datetimeoffset|current_timestamp|getdate\(\)|sysdatetime/i);
  });

  test('long text is Unicode nvarchar(max), never the deprecated text type', () => {
    expect(ddl).toContain('[Message] nvarchar(max) not null');
    expect(ddl).not.toMatch(/\] (n)?text\b/);
  });

  test('every constraint and index carries a standard name', () => {
    const names = [
      ...[...ddl.matchAll(/constraint \[([^\]]+)\]/gi)].map((m) => m[1]),
      ...[...ddl.matchAll(/create (?:unique )?index \[([^\]]+)\]/gi)].map((m) => m[1]),
    ];
    expect(names.length).toBeGreaterThan(300);
    for (const name of names) {
      expect(name).toMatch(SOLOMON_NAME);
    }
    expect(ddl).not.toMatch(/PK__|_default\b|_pkey|_fkey|_idx\b|_index\b|_unique\b|_check\b/i);
    // Every primary key named and declared as a table constraint, never inline.
    expect(ddl).not.toMatch(/primary key(?! \()/i);
    expect(ddl.match(/CONSTRAINT \[PK_[A-Za-z]+\] PRIMARY KEY \(/g)).toHaveLength(entities.length);
    // Every default is a named DF_ constraint.
    expect(ddl).not.toMatch(/(?<!CONSTRAINT \[DF_[A-Za-z]+_[A-Za-z]+\] )DEFAULT /);
  });

  test('foreign keys are named, declared no action', () => {
    const fks = [...ddl.matchAll(/add constraint \[(FK_[^\]]+)\] foreign key .* on update no action on delete no action;/g)];
    expect(fks.length).toBe(ddl.match(/foreign key/g)?.length);
    expect(fks.map((m) => m[1])).toContain('FK_UserCompany_InvitedBy');
  });
});

describe('generateDdl: PostgreSQL, without a server', () => {
  let ddl: string;

  beforeAll(async () => {
    ddl = await generateDdl('postgresql');
  });

  test('creates all six schemas and 35 tables with timestamptz defaults', () => {
    for (const schema of Object.keys(entitiesBySchema)) {
      expect(ddl).toContain(`create schema if not exists "${schema}";`);
    }
    expect(ddl.match(/^create table /gm)).toHaveLength(entities.length);
    expect(ddl).toContain('"CreatedDate" timestamptz not null default current_timestamp');
    expect(ddl).not.toMatch(/\btimestamp\b|\bdate\b/);
  });

  test('every constraint and index carries a standard name', () => {
    const names = [
      ...[...ddl.matchAll(/constraint "([^"]+)"/g)].map((m) => m[1]),
      ...[...ddl.matchAll(/create (?:unique )?index "([^"]+)"/g)].map((m) => m[1]),
    ];
    for (const name of names) {
      expect(name).toMatch(SOLOMON_NAME);
    }
    expect(ddl).not.toMatch(/_pkey|_fkey|_idx\b|_index\b|_check\b/);
  });
});

describe('generateDeploymentScript: the SQL Server script runs in sqlcmd as is', () => {
  let script: string;

  beforeAll(async () => {
    script = await generateDeploymentScript('mssql');
  });

  test('sets the options filtered indexes need, before anything else', () => {
    expect(script.startsWith('SET ANSI_NULLS ON;\nSET QUOTED_IDENTIFIER ON;\nGO\n')).toBe(true);
  });

  test('creates every schema first, each in its own batch', () => {
    const firstTable = script.indexOf('CREATE TABLE');
    const schemas = Object.keys(entitiesBySchema).filter((s) => s !== 'dbo');
    for (const schema of schemas) {
      const line = `if (schema_id('${schema}') is null) begin exec ('create schema [${schema}] authorization [dbo]') end;\nGO\n`;
      expect(script).toContain(line);
      expect(script.indexOf(line)).toBeLessThan(firstTable);
    }
  });

  test('separates batches with GO and ends with one', () => {
    expect(script.match(/^GO$/gm)?.length).toBeGreaterThan(entities.length);
    expect(script.trimEnd().endsWith('\nGO')).toBe(true);
    expect(script).not.toMatch(/^go\s*;/im);
  });

  test('qualifies every table, dbo included, and never double-quotes an identifier', () => {
    for (const entity of entities) {
      expect(script).toContain(`CREATE TABLE [${entity.meta.schema}].[${entity.meta.tableName}] (`);
    }
    expect(script).not.toMatch(/(?:CREATE TABLE|ON|alter table|references) \[[A-Za-z]+\](?!\.)/);
    expect(script).not.toContain('"');
    expect(script).toContain('check ([ResultCount] >= 0)');
  });
});
