import { withRequestContext, type Orm } from '@eventlead/db';
import type { Platform } from '@mikro-orm/core';
import type {
  FastifyInstance,
  FastifyRequest,
  onRequestAbortHookHandler,
  onRequestHookHandler,
  onResponseHookHandler,
  RouteOptions,
} from 'fastify';
import fp from 'fastify-plugin';
import { answeredByDeadline } from './deadline';
import { addRouteHook, routeConfigOf } from './route-hooks';

/**
 * How a route uses the database, its `config.database`:
 * - `'unit-of-work'` (the default): a unit of work per request, `request.em` (entities, transactions);
 * - `'connection'`: fixed statements on the ORM's connections through `request.connection` (the
 *   `@eventlead/db` read models), without a unit of work to open and empty per request;
 * - `'none'`: no database at all (`GET /health`): no per-request work and no request deadline.
 */
export type DatabaseAccess = 'none' | 'connection' | 'unit-of-work';

/** The `config.database` of a route that does not set one. */
const DEFAULT_DATABASE_ACCESS: DatabaseAccess = 'unit-of-work';

const DATABASE_ACCESS: readonly DatabaseAccess[] = ['none', 'connection', 'unit-of-work'];

/**
 * What a `config.database: 'connection'` route reads with: fixed statements on the ORM's connections
 * (a read replica when configured), with no entities, identity map or unit of work.
 */
export interface DatabaseConnection {
  /** The database's SQL platform, for dialect-aware conditions (`containsText`). */
  readonly platform: Platform;
  /**
   * Runs one of `@eventlead/db`'s fixed-statement reads (`readUserDetail`, `readUsersPage`, ...) with
   * `args`. It gets the ORM's root EntityManager, which has no unit of work: an entity operation on
   * it (`find`, `persist`, `flush`) throws.
   * @example const user = await request.connection.run(readUserDetail, id);
   */
  run<A extends unknown[], R>(read: (em: Orm['em'], ...args: A) => Promise<R>, ...args: A): Promise<R>;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The application's ORM; route handlers use `request.em` or `request.connection`, never `orm.em`. */
    orm: Orm;
  }
  interface FastifyRequest {
    /**
     * The EntityManager of this request's unit of work: only on `config.database: 'unit-of-work'`
     * routes (the default), from their `onRequest` hooks until the response is sent. Read anywhere
     * else, it throws a {@link DatabaseAccessError}.
     */
    readonly em: Orm['em'];
    /**
     * Fixed statements without a unit of work: only on `config.database: 'connection'` routes; read
     * anywhere else, it throws a {@link DatabaseAccessError}.
     */
    readonly connection: DatabaseConnection;
  }
  interface FastifyContextConfig {
    /** How the route uses the database (see {@link DatabaseAccess}). Default `'unit-of-work'`. */
    database?: DatabaseAccess;
  }
}

/** A route read the database property of another kind of route than its own (a programming error: 500). */
export class DatabaseAccessError extends Error {
  /** A stable machine-readable code for logs. */
  readonly code = 'DATABASE_ACCESS';
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseAccessError';
  }
}

/**
 * The `config.database` of a route being added, checked: an unknown value, or the `unitOfWork` flag it
 * replaced, fails the route's registration.
 * @throws {TypeError} naming the route and the values it may take
 */
export function databaseAccessOf(route: Pick<RouteOptions, 'method' | 'url' | 'config'>): DatabaseAccess {
  const config = route.config as { database?: unknown; unitOfWork?: unknown } | undefined;
  const where = `${String(route.method)} ${route.url}`;
  if (config !== undefined && 'unitOfWork' in config) {
    throw new TypeError(`${where}: config.unitOfWork is replaced by config.database (${DATABASE_ACCESS.map((a) => `'${a}'`).join(' | ')}).`);
  }
  const access = config?.database ?? DEFAULT_DATABASE_ACCESS;
  if (!DATABASE_ACCESS.includes(access as DatabaseAccess)) {
    throw new TypeError(`${where}: config.database must be ${DATABASE_ACCESS.map((a) => `'${a}'`).join(', ')}; got ${JSON.stringify(access)}.`);
  }
  return access as DatabaseAccess;
}

/** The error for reading `request[property]` on a route whose `config.database` does not provide it. */
function wrongAccess(request: FastifyRequest, property: 'em' | 'connection'): DatabaseAccessError {
  const { url, config } = request.routeOptions;
  const access = config.database ?? DEFAULT_DATABASE_ACCESS;
  const route = `${request.method} ${url ?? request.url}`;
  if (property === 'em' && access === 'unit-of-work' && answeredByDeadline(request)) {
    return new DatabaseAccessError(`request.em of ${route} was read after the request's deadline answered 503: its work is abandoned and reaches the database no more.`);
  }
  if (property === 'em' && access === 'unit-of-work') {
    return new DatabaseAccessError(`request.em of ${route} was read outside its unit of work, which is open from the route's onRequest hooks until the response is sent.`);
  }
  const provides = property === 'em' ? "'unit-of-work' (the default)" : "'connection'";
  const instead = access === 'none' ? 'it may not use the database' : access === 'connection' ? 'it reads through request.connection' : 'it has a unit of work: use request.em';
  return new DatabaseAccessError(`request.${property} exists on routes with config.database ${provides}; ${route} has '${access}': ${instead}.`);
}

/** Options of {@link ormPlugin}. */
export interface OrmPluginOptions {
  /**
   * The application's ORM, opened and closed by the caller: units of work fork its EntityManager, and
   * `request.connection` runs on its connections.
   */
  orm: Orm;
}

/**
 * The database side of every route, as its `config.database` says ({@link DatabaseAccess}):
 * `'unit-of-work'` routes get a unit of work per request (`withRequestContext` of @eventlead/db: a
 * forked EntityManager in MikroORM's request context), opened in `onRequest`, before any hook that
 * touches the database, and emptied once the response has been sent or the request aborted, so no
 * entity outlives its request; `'connection'` routes get `request.connection`; `'none'` routes get
 * nothing. The hooks are added per route, so routes without a unit of work pay nothing for it.
 * Who acts and the audit context of a unit of work are set by `requestContextPlugin`.
 */
export const ormPlugin = fp<OrmPluginOptions>(
  (app: FastifyInstance, { orm }, done) => {
    // The open unit of work of each request that has one, and how to end it.
    const units = new WeakMap<FastifyRequest, { readonly em: Orm['em']; readonly end: () => void }>();
    const openUnitOfWork: onRequestHookHandler = (request, _reply, next) => {
      // withRequestContext empties the fork once the function's promise settles: when the request ends.
      withRequestContext(
        orm,
        (em) =>
          new Promise<void>((end) => {
            units.set(request, { em, end });
            next();
          }),
      ).catch((error: unknown) => {
        request.log.error({ err: error }, 'the unit of work could not be closed');
      });
    };
    const end = (request: FastifyRequest): void => {
      const unit = units.get(request);
      if (unit === undefined) return;
      units.delete(request);
      unit.end();
    };
    const endOnResponse: onResponseHookHandler = (request, _reply, next) => {
      end(request);
      next();
    };
    const endOnAbort: onRequestAbortHookHandler = (request, next) => {
      end(request);
      next();
    };
    const connection: DatabaseConnection = {
      platform: orm.em.getPlatform(),
      run: (read, ...args) => read(orm.em, ...args),
    };

    app.decorate('orm', orm);
    app.decorateRequest('em', {
      getter(this: FastifyRequest) {
        const unit = units.get(this);
        // After the deadline's 503 the handler may still be running (a slow hash, a stalled await):
        // from then on it gets no database, so its work stops at its next use of the unit of work.
        if (unit === undefined || answeredByDeadline(this)) throw wrongAccess(this, 'em');
        return unit.em;
      },
    });
    app.decorateRequest('connection', {
      getter(this: FastifyRequest) {
        if (routeConfigOf(this).database !== 'connection') throw wrongAccess(this, 'connection');
        return connection;
      },
    });
    app.addHook('onRoute', (route) => {
      if (databaseAccessOf(route) !== 'unit-of-work') return;
      addRouteHook(route, 'onRequest', openUnitOfWork);
      addRouteHook(route, 'onResponse', endOnResponse);
      addRouteHook(route, 'onRequestAbort', endOnAbort);
    });
    done();
  },
  { name: 'eventlead-orm', fastify: '5.x' },
);
