import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/knex';
import { MsSqlPlatform } from '@mikro-orm/mssql';
import { executeBound } from '../execute-bound';
import { SolomonPGliteDriver } from '../naming/postgres-drivers';

/** A query builder as the read models hand it over: anything that renders to knex SQL. */
export interface RenderableQuery {
  /** The knex query the builder renders to, with its SQL, bindings and native form. */
  getKnexQuery(): { toSQL(): { sql: string; bindings: readonly unknown[]; toNative(): { sql: string } } };
}

/**
 * A statement rendered once for one dialect: SQL text with `?` placeholders (what knex binds the
 * values to), the same text with the driver's native placeholders (`$1`, for a PostgreSQL named prepared
 * statement), and its bindings, some of which are slots filled per call.
 */
export interface CompiledStatement {
  /** Stable name of the statement on PostgreSQL (same text, same name), for `{ name, text, values }`. */
  readonly name: string;
  /** The SQL with `?` placeholders, what knex binds the values to (see {@link runStatements}). */
  readonly sql: string;
  /** The same SQL with the driver's native placeholders (`$1` on PostgreSQL, `@p0` on SQL Server). */
  readonly nativeSql: string;
  /** The values bound, in placeholder order; slots are placeholders filled per call. */
  readonly bindings: readonly unknown[];
  /** `slots[i]` = index in `bindings` of the i-th value passed to {@link bind}. */
  readonly slots: readonly number[];
}

// Values no request sends, to find where each per-call value lands among the rendered bindings.
// Numbers are positive: knex accepts nothing else for LIMIT and OFFSET.
const NUMBER_SLOT_BASE = 918_273_600;
const STRING_SLOT_PREFIX = '\u0000read-model-slot:';

/** A placeholder value for the `index`-th per-call value, of the same JS type as the real value. */
export function slotValue(index: number, kind: 'number' | 'string'): number | string {
  return kind === 'number' ? NUMBER_SLOT_BASE + index : `${STRING_SLOT_PREFIX}${index}`;
}

function slotIndexOf(binding: unknown): number | undefined {
  // SQL Server's knex wraps strings (`UnicodeString { value }`); bigint columns may render numbers as strings.
  const value: unknown = typeof binding === 'object' && binding !== null && 'value' in binding ? binding.value : binding;
  if (typeof value === 'string' && value.startsWith(STRING_SLOT_PREFIX)) return Number(value.slice(STRING_SLOT_PREFIX.length));
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (Number.isInteger(n) && n >= NUMBER_SLOT_BASE && n < NUMBER_SLOT_BASE + 1000) return n - NUMBER_SLOT_BASE;
  return undefined;
}

/**
 * Renders `query` (built with {@link slotValue} placeholders for `slotCount` per-call values) into a
 * {@link CompiledStatement}.
 * @throws {Error} when a placeholder is missing from, or repeated in, the rendered bindings.
 */
export function compileStatement(query: RenderableQuery, slotCount: number, namePrefix: string): CompiledStatement {
  const rendered = query.getKnexQuery().toSQL();
  const slots: number[] = Array.from({ length: slotCount }, () => -1);
  rendered.bindings.forEach((binding, position) => {
    const slot = slotIndexOf(binding);
    if (slot === undefined) return;
    if (slot >= slotCount || slots[slot] !== -1) throw new Error(`Read model ${namePrefix}: value ${slot} is bound more than once or was not declared.`);
    slots[slot] = position;
  });
  const missing = slots.indexOf(-1);
  if (missing !== -1) throw new Error(`Read model ${namePrefix}: value ${missing} does not appear in the statement.`);
  const nativeSql = rendered.toNative().sql;
  const digest = createHash('sha1').update(nativeSql).digest('hex').slice(0, 16);
  return { name: `${namePrefix}_${digest}`, sql: rendered.sql, nativeSql, bindings: [...rendered.bindings], slots };
}

/** The bindings of `statement` with the per-call `values` in their slots. */
export function bind(statement: CompiledStatement, values: readonly unknown[]): unknown[] {
  const params = statement.bindings.slice();
  statement.slots.forEach((position, slot) => {
    params[position] = values[slot];
  });
  return params;
}

type Row = Record<string, unknown>;

interface PgClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: Row[] }>;
}

interface KnexClient {
  acquireConnection(): Promise<unknown>;
  releaseConnection(connection: unknown): Promise<unknown>;
}

/** Whether statements run as named prepared statements on `em`: PostgreSQL over `pg`, not PGlite or SQL Server. */
function runsNamed(em: EntityManager): boolean {
  return !(em.getPlatform() instanceof MsSqlPlatform) && !(em.getDriver() instanceof SolomonPGliteDriver);
}

/**
 * Runs statements one after the other on one connection of `em`'s read side (a replica when configured;
 * the open transaction when there is one), each with its per-call values, and returns their rows.
 * Every value, fixed or per call, travels as a parameter; none is written into the statement text.
 * PostgreSQL: named prepared statements through the pool's `pg` client (`{ name, text, values }`), so
 * the server plans each one once per connection. SQL Server, PGlite, and PostgreSQL inside a
 * transaction: `statement.sql` through knex with its bindings ({@link executeBound}): tedious sends
 * `@p0`… parameters (SQL Server caches one plan per statement; strings as `nvarchar`, dates as
 * `datetime2`, see `mapMsSqlBinding`), PGlite and node-postgres an unnamed `$1`… statement. Driver
 * errors come back as the driver raised them (see `mapDatabaseError`).
 */
export async function runStatements(em: EntityManager, calls: readonly { statement: CompiledStatement; values: readonly unknown[] }[]): Promise<Row[][]> {
  const transaction: unknown = em.getTransactionContext();
  const connection = em.getConnection(transaction === undefined ? 'read' : 'write');
  if (transaction !== undefined || !runsNamed(em)) {
    const results: Row[][] = [];
    for (const { statement, values } of calls) {
      results.push(await executeBound<Row[]>(connection, statement.sql, bind(statement, values), 'all', transaction));
    }
    return results;
  }
  const client = connection.getKnex().client as KnexClient;
  const pg = (await client.acquireConnection()) as PgClient;
  const send = ({ statement, values }: (typeof calls)[number]) =>
    pg.query({ name: statement.name, text: statement.nativeSql, values: bind(statement, values) });
  try {
    // One statement (the detail reads): awaited as it is, without the promises of allSettled.
    if (calls.length === 1 && calls[0] !== undefined) return [(await send(calls[0])).rows];
    // Sent back to back: node-postgres queues them on the connection, so the second waits for no extra tick.
    // All settle before the connection goes back to the pool, even when one fails.
    const settled = await Promise.allSettled(calls.map(send));
    return settled.map((result) => {
      if (result.status === 'rejected') throw result.reason;
      return result.value.rows;
    });
  } finally {
    // knex hands the connection back to the pool synchronously and returns a resolved promise (it
    // never rejects): not awaited, one promise and one tick less per read.
    void client.releaseConnection(pg);
  }
}
