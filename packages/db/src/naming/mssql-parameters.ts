import { createRequire } from 'node:module';
import { JsonProperty, Utils } from '@mikro-orm/core';
import type { AbstractSqlPlatform } from '@mikro-orm/knex';
import { UnicodeString } from '@mikro-orm/mssql';

/** SQL Server's limit on parameters in one request (an RPC call). */
export const MSSQL_MAX_PARAMETERS = 2_100;

/**
 * The most values one statement can bind: tedious sends every statement as a call of
 * `sp_executesql`, whose own two parameters (the statement text and its parameter declarations) count
 * against {@link MSSQL_MAX_PARAMETERS}.
 */
export const MSSQL_MAX_BOUND_PARAMETERS = MSSQL_MAX_PARAMETERS - 2;

/** A tedious parameter as its data types read it. */
interface TediousParameter {
  readonly value: unknown;
  readonly length?: number;
}

/** A tedious data type, as far as this mapping reads or replaces it. */
interface TediousType {
  readonly name: string;
  declaration(parameter: TediousParameter): string;
  resolveLength?(parameter: TediousParameter): number;
}

/** The types values are bound as here. */
interface BindingTypes {
  readonly nvarchar: TediousType;
  readonly datetime2: TediousType;
}

/** Up to this many characters a string is declared `nvarchar(4000)`, beyond it `nvarchar(max)` (tedious' own limit). */
const NVARCHAR_LENGTH = 4000;

let bindingTypes: BindingTypes | undefined;

function characters(parameter: TediousParameter): number {
  return typeof parameter.value === 'string' ? parameter.value.length : 0;
}

// tedious is a dependency of @mikro-orm/mssql (and the peer knex sends with): loaded from there, the
// same copy, rather than declared a second time here. Loaded on first use, so that PostgreSQL and
// PGlite processes never load it.
function types(): BindingTypes {
  if (bindingTypes === undefined) {
    const fromMssql = createRequire(createRequire(__filename).resolve('@mikro-orm/mssql'));
    const { TYPES } = fromMssql('tedious') as { TYPES: { NVarChar: TediousType; DateTime2: TediousType } };
    bindingTypes = {
      // tedious declares a string parameter with its value's length (`@p0 nvarchar(17)`), and SQL Server
      // caches a plan per statement text and parameter declarations: a plan per combination of lengths.
      // One declaration for every string that fits, as EF Core does; the value is sent as tedious sends it.
      nvarchar: {
        ...TYPES.NVarChar,
        declaration: (parameter) => (characters(parameter) <= NVARCHAR_LENGTH ? `nvarchar(${NVARCHAR_LENGTH})` : 'nvarchar(max)'),
        resolveLength: (parameter) => parameter.length ?? Math.max(characters(parameter), NVARCHAR_LENGTH),
      },
      datetime2: TYPES.DateTime2,
    };
  }
  return bindingTypes;
}

/**
 * knex's `mapBinding` for SQL Server (the `options.mapBinding` connection option of knex's mssql
 * client): the tedious type each bound value is sent as, where knex's own choice is wrong for this
 * schema or for SQL Server's plan cache. `undefined` leaves the value to knex (`number` → int /
 * bigint / float, `boolean` → bit, `Buffer` → varbinary(max)).
 *
 * - A JS `Date` is `datetime2` (precision 7). knex would send `datetime`, which rounds to 1/300 s and,
 *   compared with the `datetime2` columns of this schema, converts the column side.
 * - A string, and MikroORM's `UnicodeString` (how its SQL Server platform wraps the strings of
 *   `nvarchar` properties) as its plain string, is `nvarchar(4000)` (`nvarchar(max)` beyond 4,000
 *   characters), and so is `null`: knex and tedious would declare `nvarchar(<its length>)`, a
 *   declaration and so a cached plan per length.
 * @example
 * knex({ client: 'mssql', connection: { options: { mapBinding: mapMsSqlBinding } } })
 */
export function mapMsSqlBinding(value: unknown): { value: unknown; type: object } | undefined {
  if (value instanceof UnicodeString) return { value: value.valueOf(), type: types().nvarchar };
  if (typeof value === 'string' || value === null) return { value, type: types().nvarchar };
  if (value instanceof Date) return { value, type: types().datetime2 };
  return undefined;
}

/** A statement with `?` placeholders and the values knex binds to them, one per placeholder. */
export interface BoundStatement {
  /** The statement with `?` placeholders (`\?` for a literal question mark, as knex reads it). */
  readonly sql: string;
  /** One value per placeholder, in order. */
  readonly bindings: unknown[];
}

/** A single value bound as it is: what knex and {@link mapMsSqlBinding} type as MikroORM would write it. */
function isBindableScalar(value: unknown): boolean {
  if (value === null || value === undefined || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isInteger(value) ? Number.isSafeInteger(value) : Number.isFinite(value);
  if (value instanceof Date) return !Number.isNaN(value.getTime());
  return value instanceof UnicodeString || Buffer.isBuffer(value);
}

/**
 * The text that takes the place of one `?` for `value`, its bound values appended to `out`; undefined
 * when it is not bound (see {@link bindMsSqlParameters}). Mirrors MikroORM's `quoteValue`: raw fragments
 * are spliced in with their own values, plain objects and JSON properties become their JSON text, arrays
 * become comma-separated lists (nested arrays parenthesised, as in `values (?, ?), (?, ?)`).
 */
function placeholderFor(platform: AbstractSqlPlatform, value: unknown, out: unknown[]): string | undefined {
  if (Utils.isRawSql(value)) return withPlaceholders(platform, value.sql, value.params, out);
  // A knex Raw or Ref, which MikroORM writes in as its own rendering.
  if (platform.isRaw(value)) return undefined;
  if (Utils.isPlainObject(value) || (typeof value === 'object' && value !== null && JsonProperty in value)) {
    out.push(JSON.stringify(value));
    return '?';
  }
  if (Array.isArray(value)) {
    const items: string[] = [];
    for (const item of value as unknown[]) {
      if (Array.isArray(item)) {
        const inner = placeholderFor(platform, item, out);
        if (inner === undefined) return undefined;
        items.push(`(${inner})`);
      } else if (isBindableScalar(item)) {
        out.push(item ?? null);
        items.push('?');
      } else {
        return undefined;
      }
    }
    return items.join(', ');
  }
  if (!isBindableScalar(value)) return undefined;
  out.push(value ?? null);
  return '?';
}

/** `sql` with its values as placeholders, in the order MikroORM's `formatQuery` writes them in. */
function withPlaceholders(platform: AbstractSqlPlatform, sql: string, params: readonly unknown[], out: unknown[]): string | undefined {
  if (params.length === 0) return sql;
  // The scan of MikroORM's Platform.formatQuery (@mikro-orm/core 6), step for step, so that each value
  // meets the same `?` it would be written into: `??` is an identifier, `\?` a literal question mark
  // (kept escaped for knex), any other `?` a value.
  let j = 0;
  let pos = 0;
  let ret = '';
  const value = (): string | undefined => placeholderFor(platform, params[j++], out);
  const identifier = (): string => platform.quoteIdentifier(params[j++] as string);
  if (sql.startsWith('?')) {
    if (sql[1] === '?') {
      ret += identifier();
      pos = 2;
    } else {
      const text = value();
      if (text === undefined) return undefined;
      ret += text;
      pos = 1;
    }
  }
  while (pos < sql.length) {
    const idx = sql.indexOf('?', pos + 1);
    if (idx === -1) {
      ret += sql.substring(pos, sql.length);
      break;
    }
    if (sql.substring(idx - 1, idx + 1) === '\\?') {
      ret += sql.substring(pos, idx + 1);
      pos = idx + 1;
    } else if (sql.substring(idx, idx + 2) === '??') {
      ret += sql.substring(pos, idx) + identifier();
      pos = idx + 2;
    } else {
      const text = value();
      if (text === undefined) return undefined;
      ret += sql.substring(pos, idx) + text;
      pos = idx + 1;
    }
  }
  return ret;
}

/**
 * A statement MikroORM would send with its values written into the text (`platform.formatQuery(sql,
 * params)`), as the same text with placeholders and the values to bind to them: knex sends them to
 * tedious as `@p0`… parameters, typed by {@link mapMsSqlBinding}. Identifiers (`??`) and raw fragments
 * stay in the text, as MikroORM writes them.
 *
 * `undefined` (send it as MikroORM does, values in the text) when a value is not one that binds as
 * MikroORM would write it (a knex Raw, a class instance other than `UnicodeString`, `Date` or `Buffer`,
 * a JS bigint, an unsafe integer, NaN or an invalid date), or when the statement would bind more than
 * {@link MSSQL_MAX_BOUND_PARAMETERS} values. The statements over the limit are MikroORM's multi-row
 * inserts and updates of a flush (up to `batchSize` rows of every column): a statement of MikroORM's
 * cannot be split here without re-rendering it (the OUTPUT clause, the `select @@rowcount` after an
 * update, the batch's CASE expressions), and they come from bulk writes such as the reference seed,
 * whose values are no one's personal data; sending them as today is the safe choice. `insertRows`
 * chunks its own inserts under the limit and binds them.
 * @example
 * bindMsSqlParameters(platform, 'select * from [User] where [Email] = ? and [UserID] in (?)', [new UnicodeString('a@b.c'), [1, 2]])
 * // { sql: 'select * from [User] where [Email] = ? and [UserID] in (?, ?)', bindings: [UnicodeString('a@b.c'), 1, 2] }
 */
export function bindMsSqlParameters(platform: AbstractSqlPlatform, sql: string, params: readonly unknown[]): BoundStatement | undefined {
  const bindings: unknown[] = [];
  const text = withPlaceholders(platform, sql, params, bindings);
  if (text === undefined || bindings.length > MSSQL_MAX_BOUND_PARAMETERS) return undefined;
  return { sql: text, bindings };
}
