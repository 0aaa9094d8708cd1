import { raw } from '@mikro-orm/core';
import type { AbstractSqlPlatform } from '@mikro-orm/knex';
import { UnicodeString } from '@mikro-orm/mssql';
import { createOrmConfig } from '../config';
import { createORM, type Orm } from '../orm';
import { bindMsSqlParameters, MSSQL_MAX_BOUND_PARAMETERS, MSSQL_MAX_PARAMETERS } from './mssql-parameters';

interface TediousRequest {
  readonly parameters: readonly { readonly value: unknown }[];
  validateParameters(collation: undefined): void;
  makeParamsParameter(parameters: readonly unknown[]): string;
}

/**
 * What tedious would send for `bindings` through the connection's knex client, which types them: the
 * parameter declarations of the `sp_executesql` call, and the values.
 */
function sent(orm: Orm, side: 'read' | 'write', bindings: readonly unknown[]): { declarations: string; values: unknown[] } {
  const client = orm.em.getConnection(side).getKnex().client as {
    driver: { Request: new (sql: string, callback: () => void) => TediousRequest };
    _assignBindings(request: TediousRequest, bindings: readonly unknown[]): void;
  };
  const request = new client.driver.Request('select 1', () => undefined);
  client._assignBindings(request, bindings);
  request.validateParameters(undefined);
  return { declarations: request.makeParamsParameter(request.parameters), values: request.parameters.map((p) => p.value) };
}

describe('SQL Server parameters (knex mssql client built from createOrmConfig, no server)', () => {
  let orm: Orm;
  beforeAll(async () => {
    orm = await createORM(
      createOrmConfig(
        { DATABASE_URL: 'mssql://sa:unused@db.invalid:1433/EventLead', DATABASE_REPLICA_URLS: 'mssql://ro:unused@replica.invalid:1433/EventLead' },
        { connect: false },
      ),
    );
  });
  afterAll(async () => {
    await orm.close(true);
  });

  const when = new Date('2026-03-04T05:06:07.891Z');
  const long = 'x'.repeat(4001);
  test.each<[string, unknown, string, unknown]>([
    ['a Date as datetime2 (knex alone: datetime, 1/300 s)', when, 'datetime2(7)', when],
    ["MikroORM's UnicodeString as its plain string, nvarchar(4000)", new UnicodeString("O'Brien ? @p0"), 'nvarchar(4000)', "O'Brien ? @p0"],
    ['a plain string as nvarchar(4000), whatever its length (tedious alone: nvarchar(3))', 'abc', 'nvarchar(4000)', 'abc'],
    ['a string over 4,000 characters as nvarchar(max)', long, 'nvarchar(max)', long],
    ['null as nvarchar(4000) (tedious alone: nvarchar(1))', null, 'nvarchar(4000)', null],
    ['an integer as int', 7, 'int', 7],
    ['an integer beyond int as bigint', 2 ** 40, 'bigint', BigInt(2 ** 40)],
    ['a boolean as bit', true, 'bit', true],
    ['a Buffer as varbinary(max)', Buffer.from('x'), 'varbinary(max)', Buffer.from('x')],
  ])('binds %s, on the primary and on a replica', (_label, value, declaration, sentValue) => {
    for (const side of ['write', 'read'] as const) {
      expect({ side, ...sent(orm, side, [value]) }).toEqual({ side, declarations: `@p0 ${declaration}`, values: [sentValue] });
    }
  });

  test('strings of different lengths get one declaration: one cached plan, not one per length', () => {
    expect(sent(orm, 'write', ['a', new UnicodeString('jane.doe@example.com'), null]).declarations).toBe('@p0 nvarchar(4000), @p1 nvarchar(4000), @p2 nvarchar(4000)');
  });
});

describe('bindMsSqlParameters', () => {
  let orm: Orm;
  let platform: AbstractSqlPlatform;
  beforeAll(async () => {
    orm = await createORM(createOrmConfig({ DATABASE_URL: 'mssql://sa:unused@db.invalid:1433/EventLead' }, { connect: false }));
    platform = orm.em.getPlatform();
  });
  afterAll(async () => {
    await orm.close(true);
  });

  const email = new UnicodeString("o'brien?@example.com");
  const when = new Date('2026-03-04T05:06:07.891Z');
  test.each<[string, string, unknown[], string, unknown[]]>([
    ['values of every kind, as they are', 'select [a] from [T] where [b] = ? and [c] = ? and [d] = ? and [e] = ? and [f] = ?', [email, '12', false, when, null], 'select [a] from [T] where [b] = ? and [c] = ? and [d] = ? and [e] = ? and [f] = ?', [email, '12', false, when, null]],
    ['undefined as null', 'update [T] set [a] = ?', [undefined], 'update [T] set [a] = ?', [null]],
    ['?? as an identifier, written in', 'select ?? from [T] where [a] = ?', ['Email', 1], 'select [Email] from [T] where [a] = ?', [1]],
    ['an array as a list', 'select [a] from [T] where [a] in (?)', [[1, 2, 3]], 'select [a] from [T] where [a] in (?, ?, ?)', [1, 2, 3]],
    ['nested arrays as rows', 'insert into [T] ([a], [b]) values ?', [[[1, 'x'], [2, 'y']]], 'insert into [T] ([a], [b]) values (?, ?), (?, ?)', [1, 'x', 2, 'y']],
    ['a raw fragment, spliced in with its values', 'select [a] from [T] where [b] like ?', [raw("? collate Latin1_General_100_CI_AS escape '\\'", [email])], "select [a] from [T] where [b] like ? collate Latin1_General_100_CI_AS escape '\\'", [email]],
    ['a plain object as its JSON', 'update [T] set [a] = ?', [{ k: "it's" }], 'update [T] set [a] = ?', ['{"k":"it\'s"}']],
    ['a leading value', '? as [x]', [1], '? as [x]', [1]],
    ['an escaped question mark, kept escaped for knex', "select N'\\?' as [q], [a] from [T] where [a] = ?", [1], "select N'\\?' as [q], [a] from [T] where [a] = ?", [1]],
    ['no values: the text as it is', "select N'?' as [q]", [], "select N'?' as [q]", []],
  ])('%s', (_label, sql, params, boundSql, bindings) => {
    const bound = bindMsSqlParameters(platform, sql, params);
    expect(bound).toEqual({ sql: boundSql, bindings });
    if (bound === undefined || params.length === 0) return;
    // The same statement as MikroORM writes it: its values written back into the bound form give MikroORM's text.
    expect(platform.formatQuery(bound.sql, bound.bindings)).toBe(platform.formatQuery(sql, params));
    // And knex reads it as meant: one @p per value, an escaped question mark a question mark.
    const native = orm.em.getConnection().getKnex().raw(bound.sql, bound.bindings as never[]).toSQL().toNative();
    expect(native.sql.match(/@p\d+/g) ?? []).toHaveLength(bindings.length);
    expect(native.sql).not.toContain('\\?');
  });

  test.each<[string, unknown]>([
    ['a knex Raw', undefined],
    ['a JS bigint', 10n],
    ['an unsafe integer', 2 ** 60],
    ['NaN', Number.NaN],
    ['an invalid date', new Date('not a date')],
    ['a class instance', new (class Money {
      readonly cents = 5;
    })()],
    ['an object in a list', [{ a: 1 }]],
  ])('leaves a statement with %s to be written in as MikroORM does (undefined)', (label, value) => {
    const param = label === 'a knex Raw' ? orm.em.getConnection().getKnex().raw('GETUTCDATE()') : value;
    expect(bindMsSqlParameters(platform, 'update [T] set [a] = ? where [b] = ?', [param, 1])).toBeUndefined();
  });

  test(`binds at most ${MSSQL_MAX_BOUND_PARAMETERS} values (SQL Server's ${MSSQL_MAX_PARAMETERS} less sp_executesql's two); more are written in`, () => {
    const list = (n: number) => Array.from({ length: n }, (_, i) => i);
    expect(bindMsSqlParameters(platform, 'select [a] from [T] where [a] in (?)', [list(MSSQL_MAX_BOUND_PARAMETERS)])?.bindings).toHaveLength(MSSQL_MAX_BOUND_PARAMETERS);
    expect(bindMsSqlParameters(platform, 'select [a] from [T] where [a] in (?)', [list(MSSQL_MAX_BOUND_PARAMETERS + 1)])).toBeUndefined();
  });
});
