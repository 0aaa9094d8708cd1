import { AsyncLocalStorage } from 'node:async_hooks';
import { RawQueryFragment, raw, type Transaction } from '@mikro-orm/core';
import type { Knex } from '@mikro-orm/knex';
import { UnicodeString } from '@mikro-orm/mssql';
import { createOrmConfig, type OrmOptions } from '../config';
import { createORM, type Orm } from '../orm';

/**
 * One statement the SQL Server ORM sent: the T-SQL text exactly as the driver (tedious) would receive
 * it, with `@p0`-style parameters, how many parameters it bound, and what produced it.
 */
export interface RecordedStatement {
  /** The T-SQL text with `@p0`-style parameters. */
  readonly sql: string;
  /** How many parameters it bound. */
  readonly parameters: number;
  /** The bound values, in order. */
  readonly values: readonly unknown[];
  /** The label current when it was sent (see {@link RecordingOrm.label}), e.g. `GET /users?name=`. */
  readonly source: string;
}

/** An SQL Server ORM that sends nothing to a server: see {@link createRecordingMsSqlOrm}. */
export interface RecordingOrm {
  /** The ORM to run code against; its statements are recorded, never sent. */
  readonly orm: Orm;
  /** Every statement sent so far, in order. */
  readonly statements: RecordedStatement[];
  /**
   * Errors MikroORM or knex raised while rendering a statement for SQL Server (a query the dialect
   * cannot express, such as `onConflict`): conformance failures in their own right.
   */
  readonly renderErrors: { readonly source: string; readonly message: string }[];
  /** Names the producer of the statements sent from now on (a route, a test step). */
  label(source: string): void;
  /** Closes the recording ORM (never the answering one). */
  close(): Promise<void>;
}

// Driver methods the unit of work and the repositories call; each is rendered for SQL Server and answered by the answering ORM.
const DRIVER_METHODS = [
  'find',
  'findOne',
  'findVirtual',
  'count',
  'countVirtual',
  'nativeInsert',
  'nativeInsertMany',
  'nativeUpdate',
  'nativeUpdateMany',
  'nativeDelete',
  'syncCollections',
  'loadFromPivotTable',
  'lockPessimistic',
] as const;

type AnyFn = (...args: unknown[]) => Promise<unknown>;

/** What knex's client hands its driver: the text with `@p0` parameters, their values, and the driver's answer. */
interface KnexQuery {
  sql: string;
  bindings?: unknown[];
  response?: unknown;
}

/** A stand-in for a tedious connection: every transaction call succeeds at once. */
function fakeTediousConnection(): Record<string, unknown> {
  const done = (cb: (err?: Error) => void): void => { cb(); };
  const conn: Record<string, unknown> = {
    state: { name: 'LoggedIn' },
    inTransaction: false,
    beginTransaction: (cb: (err?: Error) => void) => {
      conn.inTransaction = true;
      cb();
    },
    commitTransaction: (cb: (err?: Error) => void) => {
      conn.inTransaction = false;
      cb();
    },
    rollbackTransaction: (cb: (err?: Error) => void) => {
      conn.inTransaction = false;
      cb();
    },
    saveTransaction: done,
  };
  return conn;
}

/** SQL Server's parameters unwrapped for the PostgreSQL driver (MikroORM wraps strings as N'' literals). */
function unwrap(value: unknown, seen = new WeakMap<object, unknown>()): unknown {
  if (value instanceof UnicodeString) return (value).valueOf();
  if (value === null || typeof value !== 'object' || value instanceof Date || Buffer.isBuffer(value)) return value;
  if (seen.has(value)) return seen.get(value);
  const proto = Object.getPrototypeOf(value) as unknown;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    seen.set(value, out);
    for (const item of value) out.push(unwrap(item, seen));
    return out;
  }
  if (proto !== Object.prototype && proto !== null) return value; // entities, references, raw fragments, transactions
  const out: Record<string, unknown> = {};
  seen.set(value, out);
  for (const key of Reflect.ownKeys(value)) {
    const item = (value as Record<string | symbol, unknown>)[key];
    if (key === '$like' && item instanceof RawQueryFragment && / collate \w+/i.test(item.sql)) {
      // containsText's SQL Server form, asked of PostgreSQL: the same pattern and escape, ILIKE for the collation.
      out.$ilike = raw(item.sql.replace(/ collate \w+/i, ''), item.params.map((param) => unwrap(param, seen)));
      continue;
    }
    out[key as string] = unwrap(item, seen);
  }
  return out;
}

/** T-SQL written by knex for a hand-built read (brackets) as PostgreSQL text (double quotes), to be answered. */
function toPostgresText(sql: string): string {
  return (
    sql
      .replace(/\[([^\]]+)\]/g, '"$1"')
      // The ORM writes dbo tables unqualified on SQL Server (the logins' default schema, docs/database/sql-server.md);
      // PostgreSQL keeps them in "dbo".
      .replace(/\b(from|join) "(\w+)"(?!\.)/gi, '$1 "dbo"."$2"')
      // containsText's SQL Server form: its collation makes LIKE case-insensitive there, as ILIKE does here.
      .replace(/ like (\?) collate \w+/gi, ' ilike $1')
  );
}

/**
 * Creates a SQL Server ORM (the app's own configuration: Solomon driver, platform and naming) whose
 * connection records every statement instead of sending it, and whose answers come from `answering`,
 * an ORM on PGlite or PostgreSQL holding the same scenario's data.
 *
 * THIS CHECKS TEXT, NOT BEHAVIOUR. Each driver call (find, count, insert, update, delete, lock) is
 * rendered for SQL Server by MikroORM's own SQL Server driver and recorded, then the same call is
 * answered by the PostgreSQL driver, so routes run end to end on the SQL Server platform. Hand-built
 * statements sent with `connection.execute`, and statements sent through knex itself with their
 * parameters (the read models, `insertRows`), are recorded and answered by translating their quoting.
 * Nothing here proves SQL Server accepts a statement or returns the same rows; the corpus checks and
 * a real server (docs/database/sql-server.md) do that.
 * @example
 * const recording = await createRecordingMsSqlOrm(db.orm);
 * recording.label('GET /users');
 * await buildApp({ orm: recording.orm, ... }).inject(...);
 * recording.statements // [{ sql: 'select ... from [dbo].[User] ...', ... }]
 */
export async function createRecordingMsSqlOrm(answering: Orm, overrides: Partial<OrmOptions> = {}): Promise<RecordingOrm> {
  const orm = await createORM(
    createOrmConfig({ DATABASE_URL: 'mssql://recording@localhost/EventLead' }, { debug: false, ...overrides, connect: false }),
  );
  const statements: RecordedStatement[] = [];
  const renderErrors: { source: string; message: string }[] = [];
  let source = 'setup';
  // Inside a SQL Server rendering (statements recorded, answers thrown away).
  const rendering = new AsyncLocalStorage<{ sent: number }>();

  const driver = orm.em.getDriver();
  const connection = driver.getConnection('write');
  const knex = connection.getKnex();
  const client = knex.client as { constructor: new (...args: unknown[]) => object };
  // A subclass on the client's prototype chain, so that transaction clients (built from the prototype) record too.
  const Base = client.constructor as unknown as new (...args: unknown[]) => {
    _query(connection: unknown, query: KnexQuery): Promise<unknown>;
  };
  class RecordingClient extends Base {
    acquireConnection(): Promise<unknown> {
      return Promise.resolve(fakeTediousConnection());
    }

    releaseConnection(): Promise<void> {
      return Promise.resolve();
    }

    override _query(_connection: unknown, query: KnexQuery): Promise<unknown> {
      statements.push({ sql: query.sql, parameters: query.bindings?.length ?? 0, values: [...(query.bindings ?? [])], source });
      const scope = rendering.getStore();
      if (scope) {
        scope.sent += 1;
        query.response = [];
        return Promise.resolve(query);
      }
      // Sent through knex itself rather than a driver method or `execute` (the read models, insertRows):
      // answered here. `this` is the knex client of the transaction it runs in, if any.
      return answerKnexQuery(query, transactionsByClient.get(this));
    }
  }
  Object.setPrototypeOf(client, RecordingClient.prototype);

  const answeringDriver = answering.em.getDriver();
  const answeringConnection = answeringDriver.getConnection('write');
  // Our transaction → the answering ORM's transaction opened with it; also by the transaction's knex client.
  const transactions = new WeakMap<object, Knex.Transaction>();
  const transactionsByClient = new WeakMap<object, Knex.Transaction>();
  const answeringCtx = (ctx: unknown): Knex.Transaction | undefined => (ctx === undefined || ctx === null ? undefined : transactions.get(ctx));

  /**
   * Answers a statement as tedious would have: the answering ORM runs it (the `@p0` parameters back to
   * `?`, PostgreSQL quoting) and its rows come back as tedious rows (one `{ metadata: { colName }, value }`
   * per column), which knex's SQL Server client turns into objects as it does for a real server.
   */
  async function answerKnexQuery(query: KnexQuery, ctx: Knex.Transaction | undefined): Promise<KnexQuery> {
    const text = toPostgresText(query.sql.replace(/@p\d+/g, '?'));
    const rows = await answeringConnection.execute<Record<string, unknown>[]>(text, unwrap(query.bindings ?? []) as unknown[], 'all', ctx);
    query.response = rows.map((row) => Object.entries(row).map(([colName, value]) => ({ metadata: { colName }, value })));
    return query;
  }

  async function render(run: () => Promise<unknown>): Promise<void> {
    const scope = { sent: 0 };
    try {
      await rendering.run(scope, run);
    } catch (err) {
      // Errors after a statement went out come from empty answers; before, the statement could not be rendered.
      if (scope.sent === 0) renderErrors.push({ source, message: err instanceof Error ? err.message : String(err) });
    }
  }

  const record = driver as unknown as Record<string, AnyFn>;
  const answer = answeringDriver as unknown as Record<string, AnyFn>;
  for (const method of DRIVER_METHODS) {
    const own = record[method]?.bind(driver);
    const theirs = answer[method]?.bind(answeringDriver);
    if (own === undefined || theirs === undefined) continue;
    record[method] = async (...args: unknown[]) => {
      if (rendering.getStore()) return own(...args);
      // Copied before the SQL Server rendering, which may rewrite the conditions it is given.
      const mapped = args.map((arg) => {
        if (arg === null || typeof arg !== 'object' || Array.isArray(arg) || !('ctx' in arg || 'em' in arg)) return unwrap(arg);
        const options = { ...(unwrap(arg) as Record<string, unknown>) };
        options.ctx = answeringCtx(options.ctx);
        delete options.em;
        return options;
      });
      await render(() => own(...args));
      return theirs(...mapped);
    };
  }

  const begin = connection.begin.bind(connection);
  const commit = connection.commit.bind(connection);
  const rollback = connection.rollback.bind(connection);
  const execute = connection.execute.bind(connection);
  connection.begin = async (options = {}) => {
    const trx = await begin(options);
    const theirs = await answeringConnection.begin({ ctx: answeringCtx(options.ctx), isolationLevel: options.isolationLevel, readOnly: options.readOnly });
    transactions.set(trx, theirs);
    transactionsByClient.set(trx.client as object, theirs);
    return trx;
  };
  connection.commit = async (ctx, eventBroadcaster, loggerContext) => {
    await commit(ctx, eventBroadcaster, loggerContext);
    const theirs = transactions.get(ctx);
    if (theirs) await answeringConnection.commit(theirs);
  };
  connection.rollback = async (ctx, eventBroadcaster, loggerContext) => {
    await rollback(ctx, eventBroadcaster, loggerContext);
    const theirs = transactions.get(ctx);
    if (theirs) await answeringConnection.rollback(theirs);
  };
  connection.execute = (async (queryOrKnex: string | Knex.QueryBuilder | Knex.Raw, params: unknown[] = [], method: 'all' | 'get' | 'run' = 'all', ctx?: Transaction) => {
    if (rendering.getStore()) return execute(queryOrKnex, params, method, ctx);
    await render(() => execute(queryOrKnex, params, method, ctx));
    const text = typeof queryOrKnex === 'string' ? queryOrKnex : queryOrKnex.toSQL().sql;
    const bindings = typeof queryOrKnex === 'string' ? params : [...queryOrKnex.toSQL().bindings];
    return answeringConnection.execute(toPostgresText(text), unwrap(bindings) as unknown[], method, answeringCtx(ctx));
  }) as typeof connection.execute;

  return {
    orm,
    statements,
    renderErrors,
    label(next: string) {
      source = next;
    },
    async close() {
      await orm.close(true);
    },
  };
}
