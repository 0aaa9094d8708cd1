import { createRequire } from 'node:module';
import type { QueryCounts } from '../protocol';

const PING = /^\s*select 1\s*;?\s*$/i;
const REQUEST_LOG = /^\s*insert into "log"\."(ApiRequest|ApplicationError)"/i;
const PATCHED = Symbol.for('eventlead.bench.queryCounter');
// The request a pre-ping ran for (null: none), kept per connection until its next query shows what
// the ping was for.
const pendingPings = new WeakMap<object, object | null>();

const counts: QueryCounts = { total: 0, ping: 0, requestLog: 0, requestLogPing: 0, other: 0, requestPath: 0, requestsWithQueries: 0 };
const requestsSeen = new WeakSet<object>();
let currentRequest: () => object | undefined = () => undefined;

function textOf(query: unknown): string {
  if (typeof query === 'string') return query;
  if (typeof query === 'object' && query !== null && typeof (query as { text?: unknown }).text === 'string') {
    return (query as { text: string }).text;
  }
  return '';
}

function onRequestPath(request: object | undefined): void {
  if (request === undefined) return;
  counts.requestPath += 1;
  if (!requestsSeen.has(request)) {
    requestsSeen.add(request);
    counts.requestsWithQueries += 1;
  }
}

function count(connection: object, text: string): void {
  counts.total += 1;
  const request = currentRequest();
  if (PING.test(text)) {
    counts.ping += 1;
    pendingPings.set(connection, request ?? null);
    return;
  }
  const pingFor = pendingPings.get(connection);
  pendingPings.delete(connection);
  if (REQUEST_LOG.test(text)) {
    counts.requestLog += 1;
    if (pingFor !== undefined) counts.requestLogPing += 1;
    return;
  }
  counts.other += 1;
  if (pingFor !== undefined && pingFor !== null) onRequestPath(pingFor);
  onRequestPath(request);
}

interface PgModule {
  Client: { prototype: { query: (...args: unknown[]) => unknown; [PATCHED]?: true } };
}

function patch(pg: PgModule): void {
  const proto = pg.Client.prototype;
  if (proto[PATCHED]) return;
  const original = proto.query;
  proto.query = function countedQuery(this: object, ...args: unknown[]) {
    count(this, textOf(args[0]));
    return original.apply(this, args);
  };
  proto[PATCHED] = true;
}

/**
 * Counts every SQL round trip a server process makes through node-postgres, by patching
 * `Client.prototype.query` of each copy of `pg` in play: this package's and the ones MikroORM's knex
 * loads. Every call is one round trip. A pool pre-ping (`select 1`) is put down to whatever the same
 * connection runs next, so request-log inserts and their pre-pings are told apart from the
 * request's own round trips. `request` names the HTTP request the caller is serving (its async
 * context), so round trips per request can be counted exactly, in-flight requests included.
 */
export function installQueryCounter(request?: () => object | undefined): void {
  if (request) currentRequest = request;
  // Each chain walks the dependency path by which a copy of pg gets loaded; pnpm may hold several.
  const chains = [[], ['@eventlead/db'], ['@eventlead/db', '@mikro-orm/knex', 'knex'], ['@eventlead/db', '@mikro-orm/postgresql'], ['@eventlead/db', '@mikro-orm/postgresql', '@mikro-orm/knex', 'knex']];
  for (const chain of chains) {
    try {
      let from = __filename;
      for (const name of chain) from = createRequire(from).resolve(name);
      patch(createRequire(from)('pg') as PgModule);
    } catch {
      // That path does not exist in this install (for example no ORM next to the baseline).
    }
  }
}

/** The round trips counted so far (a copy). */
export function queryCounts(): QueryCounts {
  return { ...counts };
}
