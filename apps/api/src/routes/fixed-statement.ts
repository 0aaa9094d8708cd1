import type { Orm } from '@eventlead/db';

type Em = Orm['em'];
/** The knex instance of the ORM's connection (its dialect: PostgreSQL, PGlite or SQL Server). */
export type Knex = ReturnType<Em['getKnex']>;
/** A knex query under construction. */
export type KnexQuery = ReturnType<Knex['queryBuilder']>;

/** A statement compiled once: SQL text with `?` placeholders and its bindings, one of which is the id. */
export interface FixedStatement {
  readonly sql: string;
  readonly bindings: readonly unknown[];
  /** Index in `bindings` of the id the statement is run with. */
  readonly idIndex: number;
}

// An id no real row has, to find the id's place among the compiled bindings.
const ID_MARKER = -918_273_645;

/**
 * Compiles `build(knex, id)` once for the knex's dialect into SQL text and a bindings template. The
 * query must bind the id exactly once; every other binding is a constant.
 */
export function compileWithId(knex: Knex, build: (knex: Knex, id: number) => KnexQuery): FixedStatement {
  const { sql, bindings } = build(knex, ID_MARKER).toSQL();
  const positions = bindings.flatMap((value, index) => (value === ID_MARKER ? [index] : []));
  const [idIndex] = positions;
  if (positions.length !== 1 || idIndex === undefined) {
    throw new Error(`The statement must bind the id exactly once (found ${positions.length}).`);
  }
  return { sql, bindings: [...bindings], idIndex };
}

/**
 * A statement built once per ORM connection (so once per dialect) and run per request with only the
 * id bound, on the request EntityManager's read connection (a read replica when configured; the open
 * transaction when there is one).
 */
export class StatementById {
  private readonly compiled = new WeakMap<object, FixedStatement>();

  constructor(private readonly build: (knex: Knex, id: number) => KnexQuery) {}

  /** The compiled statement for this knex (its dialect). */
  for(knex: Knex): FixedStatement {
    let statement = this.compiled.get(knex);
    if (statement === undefined) {
      statement = compileWithId(knex, this.build);
      this.compiled.set(knex, statement);
    }
    return statement;
  }

  /**
   * Runs the statement with `id`; the rows as the driver returns them. Only `em`'s connection and
   * transaction context are used, so on a route without a unit of work it may be the ORM's global one.
   */
  async rows(em: Em, id: number): Promise<Record<string, unknown>[]> {
    const connection = em.getConnection('read');
    const statement = this.for(connection.getKnex());
    const params = statement.bindings.slice();
    params[statement.idIndex] = id;
    return connection.execute<Record<string, unknown>[]>(statement.sql, params, 'all', em.getTransactionContext());
  }
}
