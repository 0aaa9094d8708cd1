import type { FilterQuery, Platform } from '@mikro-orm/core';
import type { EntityManager, QueryBuilder } from '@mikro-orm/knex';
import { compileStatement, runStatements, slotValue, type CompiledStatement } from './compiled-statement';

export type { CompiledStatement } from './compiled-statement';
import { joinShape, mapRows, rootFilter, type EntityGraph, type Shape } from './entity-graph';

const ROOT = 'e0';

/** A read model's statement for one dialect, with the graph that maps its rows. */
interface Compiled {
  readonly statement: CompiledStatement;
  readonly graph: EntityGraph;
}

/** An entity as the models package exports it (an `EntitySchema`), or its class name. */
export type ReadModelEntity = string | { readonly meta: { readonly className: string } };

function metaOf(em: EntityManager, entity: ReadModelEntity) {
  return em.getMetadata().get(typeof entity === 'string' ? entity : entity.meta.className);
}

/**
 * One entity by id with what its shape reads (to-one references and one collection), as plain objects
 * with property names and the ORM's types: what `em.findOne(entity, id, { populate })` returns with
 * filters on, in one statement and without entities, identity map or unit of work. The statement is
 * built once per dialect with the ORM's query builder from entity metadata and filters, and runs as a
 * named prepared statement on PostgreSQL.
 */
export class DetailReadModel<T> {
  private readonly compiled = new WeakMap<Platform, Promise<Compiled>>();
  // The same, once compiled: a read does not await an already-settled promise (a microtask) per call.
  private readonly ready = new WeakMap<Platform, Compiled>();

  constructor(
    private readonly name: string,
    private readonly entity: ReadModelEntity,
    private readonly shape: Shape,
  ) {}

  private compile(em: EntityManager): Promise<Compiled> {
    const platform = em.getPlatform();
    let compiled = this.compiled.get(platform);
    if (compiled === undefined) {
      compiled = (async () => {
        const fork = em.fork();
        const meta = metaOf(fork, this.entity);
        const qb = fork.createQueryBuilder(meta.className, ROOT).select([]) as QueryBuilder<object>;
        const graph = await joinShape(fork, qb, meta, ROOT, this.shape);
        qb.where({ $and: [await rootFilter(fork, meta.className), { [meta.primaryKeys[0] ?? 'id']: slotValue(0, 'number') }] });
        const result = { statement: compileStatement(qb, 1, this.name), graph };
        this.ready.set(platform, result);
        return result;
      })();
      compiled.catch(() => this.compiled.delete(platform));
      this.compiled.set(platform, compiled);
    }
    return compiled;
  }

  /** The statement this model runs on `em`'s dialect (compiled on first use). */
  async statement(em: EntityManager): Promise<CompiledStatement> {
    return (await this.compile(em)).statement;
  }

  /** The entity with this id, or `undefined` when there is none (or it is hidden by a filter). */
  async read(em: EntityManager, id: number): Promise<T | undefined> {
    const { statement, graph } = this.ready.get(em.getPlatform()) ?? (await this.compile(em));
    const [rows = []] = await runStatements(em, [{ statement, values: [id] }]);
    return mapRows(graph, rows)[0] as T | undefined;
  }
}

/** A page request in the ORM's own terms (property names; filters are added by the read model). */
export interface PageRequest<E extends object> {
  /** Conditions on top of the read model's filters, in property names; none when absent. */
  readonly where?: FilterQuery<E>;
  /** Property → direction, most significant first (e.g. `{ lastName: 'asc', id: 'asc' }`). */
  readonly orderBy: Readonly<Record<string, 'asc' | 'desc'>>;
  /** Rows per page, the SQL `LIMIT`. */
  readonly limit: number;
  /** Rows skipped before the page, the SQL `OFFSET`. */
  readonly offset: number;
}

/** One page and the number of rows across all pages. */
export interface Page<T> {
  /** The rows of this page, in the requested order. */
  readonly items: T[];
  /** Rows matching across all pages (ignoring `limit` and `offset`). */
  readonly total: number;
}

/**
 * `where` with every string and number replaced by a slot placeholder (the values are collected in
 * order), so that requests differing only in values share one statement.
 */
function template(value: unknown, values: unknown[]): unknown {
  if (typeof value === 'string' || typeof value === 'number') {
    values.push(value);
    return slotValue(values.length - 1, typeof value === 'string' ? 'string' : 'number');
  }
  if (Array.isArray(value)) return value.map((v) => template(v, values));
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, template(v, values)]));
  }
  return value;
}

/** Different filter and sort combinations a list model compiles at most (they come from whitelists). */
const MAX_SHAPES = 256;

/**
 * A page of entities with what the shape reads (to-one references only), and the total, without
 * hydrating entities: the page statement (filters of the root and of the joined references, as
 * `em.findAndCount` applies them) and a `count(*)` statement over the same joins and conditions. Both
 * are built with the ORM's query builder once per dialect and filter/sort combination, and run back
 * to back on one connection, as named prepared statements on PostgreSQL.
 */
export class PageReadModel<T, E extends object = object> {
  private readonly compiled = new WeakMap<Platform, Map<string, Promise<{ page: Compiled; count: CompiledStatement }>>>();

  constructor(
    private readonly name: string,
    private readonly entity: ReadModelEntity,
    private readonly shape: Shape,
  ) {}

  private compile(em: EntityManager, key: string, where: unknown, orderBy: unknown, slots: number) {
    const platform = em.getPlatform();
    let byKey = this.compiled.get(platform);
    if (byKey === undefined) {
      byKey = new Map();
      this.compiled.set(platform, byKey);
    }
    let compiled = byKey.get(key);
    if (compiled === undefined) {
      const cache = byKey;
      compiled = (async () => {
        const fork = em.fork();
        const meta = metaOf(fork, this.entity);
        const filter = await rootFilter(fork, meta.className);
        const cond = { $and: [filter, where ?? {}] };
        const pageQb = fork.createQueryBuilder(meta.className, ROOT).select([]) as QueryBuilder<object>;
        const graph = await joinShape(fork, pageQb, meta, ROOT, this.shape);
        pageQb
          .where(cond)
          .orderBy(orderBy as Record<string, 'asc' | 'desc'>)
          .limit(slotValue(slots, 'number') as number)
          .offset(slotValue(slots + 1, 'number') as number);
        // The count joins only what can hide a row (the required filtered references), not what is displayed.
        const countQb = fork.createQueryBuilder(meta.className, ROOT).select([]) as QueryBuilder<object>;
        await joinShape(fork, countQb, meta, ROOT, { fields: [] });
        countQb.where(cond).count();
        return {
          page: { statement: compileStatement(pageQb, slots + 2, `${this.name}_page`), graph },
          count: compileStatement(countQb, slots, `${this.name}_count`),
        };
      })();
      compiled.catch(() => cache.delete(key));
      if (cache.size < MAX_SHAPES) cache.set(key, compiled);
    }
    return compiled;
  }

  private prepare(em: EntityManager, request: PageRequest<E>) {
    const values: unknown[] = [];
    const where = template(request.where ?? {}, values);
    const key = JSON.stringify([where, request.orderBy]);
    return { values, compiled: this.compile(em, key, where, request.orderBy, values.length) };
  }

  /** The page and count statements this model runs for `request`'s filters and order on `em`'s dialect. */
  async statements(em: EntityManager, request: PageRequest<E>): Promise<CompiledStatement[]> {
    const { page, count } = await this.prepare(em, request).compiled;
    return [page.statement, count];
  }

  /** One page in `orderBy` order, and the total of rows matching `where` (filters on). */
  async read(em: EntityManager, request: PageRequest<E>): Promise<Page<T>> {
    const { values, compiled } = this.prepare(em, request);
    const { page, count } = await compiled;
    const [rows = [], counted = []] = await runStatements(em, [
      { statement: page.statement, values: [...values, request.limit, request.offset] },
      { statement: count, values },
    ]);
    return { items: mapRows(page.graph, rows) as T[], total: Number(Object.values(counted[0] ?? {})[0] ?? 0) };
  }
}
