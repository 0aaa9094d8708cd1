import { ReferenceKind, type EntityMetadata, type EntityProperty } from '@mikro-orm/core';
import type { EntityManager, QueryBuilder } from '@mikro-orm/knex';

/**
 * What a read model reads of an entity: scalar properties, and relations (to-one, or one to-many at
 * the root) with what is read of them in turn. Property names only; tables, columns and join
 * conditions come from the entity metadata.
 */
export interface Shape {
  /** The scalar properties read (property names). */
  readonly fields: readonly string[];
  /** The relations read, by property name, with what is read of each. */
  readonly relations?: Readonly<Record<string, Shape>>;
  /** For a to-many relation: the path (`company.id`) its items are sorted by, ascending. */
  readonly sortBy?: string;
}

/** One joined (or root) entity of a compiled graph: its alias, metadata and columns read. */
interface Node {
  readonly alias: string;
  readonly meta: EntityMetadata;
  /** [property, column] of each scalar read, the primary key first. */
  readonly columns: readonly (readonly [string, string])[];
  readonly relations: readonly { readonly prop: EntityProperty; readonly node: Node; readonly toOne: boolean }[];
  /**
   * Aliases of the required references the ORM's filters join to this entity (`autoJoinRefsForFilters`):
   * when one of them is missing (soft-deleted), so is this entity. Beneath the root they are left
   * joins, so the check is done on the row.
   */
  readonly required: readonly Node[];
  readonly sortBy: string | undefined;
  /** Compiled once with the graph, so mapping a row does no lookups by name or string building: */
  /** the row key of each column (`<alias>__<column>`), in `columns` order; the first is the primary key's; */
  readonly keys: readonly string[];
  /** each column's custom-type conversion to its JS value (bigint ids as numbers), where it has one; */
  readonly converters: readonly (((value: unknown) => unknown) | undefined)[];
  /** and the ORM's result mapper of the entity (column names to properties, dates parsed). */
  readonly mapResult: (raw: Row) => Row;
}

/** A compiled shape: the query's root node, ready to select into a query builder and to map rows. */
export interface EntityGraph {
  /** The root entity's node, with the joined ones beneath it. */
  readonly root: Node;
}

type Row = Record<string, unknown>;

const SEP = '__';

function property(meta: EntityMetadata, name: string): EntityProperty {
  const prop = (meta.properties as Record<string, EntityProperty | undefined>)[name];
  if (prop === undefined) throw new TypeError(`${meta.className} has no property "${name}".`);
  return prop;
}

function isToOne(prop: EntityProperty): boolean {
  return prop.kind === ReferenceKind.MANY_TO_ONE || (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner);
}

/** The soft-delete (and any other default) filter condition of an entity, as the ORM applies it on reads. */
async function filterOf(em: EntityManager, entityName: string, alias: string): Promise<Record<string, unknown>> {
  const cond = (await em.applyFilters(entityName, {}, {}, 'read')) as Record<string, unknown>;
  // Join conditions name their alias; filters here are flat property conditions (`{ isDeleted: false }`).
  return Object.fromEntries(Object.entries(cond).map(([key, value]) => [key.startsWith('$') ? key : `${alias}.${key}`, value]));
}

/**
 * Adds the joins and columns of `shape` to `qb` (whose root alias is `alias`) and returns the graph
 * that maps its rows. Mirrors what `em.find(..., { populate })` does with filters on:
 * - every entity read has its filter condition (soft delete): the root's in `where` (added by the
 *   caller through {@link rootFilter}), joined ones' in their join condition;
 * - a required to-one reference whose target is filtered (soft-deleted ref status, role, company...)
 *   hides the row that points at it: an inner join at the root, a checked left join beneath it.
 */
export async function joinShape(em: EntityManager, qb: QueryBuilder<object>, meta: EntityMetadata, alias: string, shape: Shape): Promise<EntityGraph> {
  let next = 0;
  const platform = em.getPlatform();
  const comparator = em.getComparator();
  const build = async (nodeMeta: EntityMetadata, nodeAlias: string, nodeShape: Shape, via: EntityProperty | undefined, output: boolean): Promise<Node> => {
    const atRoot = via === undefined;
    const pk = property(nodeMeta, nodeMeta.primaryKeys[0] ?? '');
    const names = [pk.name, ...nodeShape.fields.filter((f) => f !== pk.name)];
    const columns = names.map((name) => {
      const prop = property(nodeMeta, name);
      const column = prop.fieldNames[0];
      if (prop.kind !== ReferenceKind.SCALAR || column === undefined) throw new TypeError(`${nodeMeta.className}.${name} is not a column.`);
      return [name, column] as const;
    });
    for (const [, column] of columns) qb.addSelect(`${nodeAlias}.${column} as ${nodeAlias}${SEP}${column}`);
    const relations: { prop: EntityProperty; node: Node; toOne: boolean }[] = [];
    const required: Node[] = [];
    const shaped = nodeShape.relations ?? {};
    // A reference joined only for its filter brings no references of its own (the ORM's `:ref` hints do not recurse).
    for (const prop of output ? nodeMeta.relations : []) {
      // The way back to the parent is the parent itself (the ORM skips it too).
      if (via !== undefined && (prop.name === via.mappedBy || prop.name === via.inversedBy)) continue;
      const childShape = shaped[prop.name];
      const targetMeta = prop.targetMeta;
      if (targetMeta === undefined) continue;
      const filtered = Object.keys(await filterOf(em, targetMeta.className, 'x')).length > 0;
      const hides = isToOne(prop) && !prop.nullable && filtered;
      if (childShape === undefined && !hides) continue;
      const childAlias = `t${++next}`;
      const cond = await filterOf(em, targetMeta.className, childAlias);
      if (hides && atRoot) qb.join(`${nodeAlias}.${prop.name}`, childAlias, cond);
      else qb.leftJoin(`${nodeAlias}.${prop.name}`, childAlias, cond);
      // A populated to-one reference is joined with its own references (the ORM recurses into populate hints).
      const child = await build(targetMeta, childAlias, childShape ?? { fields: [] }, prop, childShape !== undefined);
      if (childShape !== undefined) {
        if (!isToOne(prop) && !atRoot) throw new TypeError(`Only the root may read a collection (${nodeMeta.className}.${prop.name}).`);
        relations.push({ prop, node: child, toOne: isToOne(prop) });
      }
      if (hides) required.push(child);
    }
    for (const name of Object.keys(shaped)) property(nodeMeta, name);
    const converters = columns.map(([name]) => {
      const type = property(nodeMeta, name).customType;
      return type === undefined ? undefined : (value: unknown) => type.convertToJSValue(value, platform) as unknown;
    });
    const resultMapper = comparator.getResultMapper(nodeMeta.className) as (raw: Row) => Row | undefined;
    return {
      alias: nodeAlias,
      meta: nodeMeta,
      columns,
      relations,
      required,
      sortBy: nodeShape.sortBy,
      keys: columns.map(([, column]) => `${nodeAlias}${SEP}${column}`),
      converters,
      mapResult: (raw) => resultMapper(raw) ?? {},
    };
  };
  return { root: await build(meta, alias, shape, undefined, true) };
}

/** The filter condition of the root entity, for the caller's `where`. */
export async function rootFilter(em: EntityManager, entityName: string): Promise<Record<string, unknown>> {
  return (await em.applyFilters(entityName, {}, {}, 'read')) as Record<string, unknown>;
}

/** Whether a row holds the node's entity: its primary key is there, and so is every reference whose absence hides it. */
function present(node: Node, row: Row): boolean {
  if (row[node.keys[0] ?? ''] == null) return false;
  for (const ref of node.required) if (!present(ref, row)) return false;
  return true;
}

/** Maps one node's columns of a row into properties with the mapping compiled into the graph. */
function mapNode(node: Node, row: Row): Row | undefined {
  if (!present(node, row)) return undefined;
  const { columns, keys, converters } = node;
  const raw: Row = {};
  for (let i = 0; i < keys.length; i++) raw[columns[i]?.[1] ?? ''] = row[keys[i] ?? ''];
  // Column names to property names, dates parsed (the ORM's result mapper), then the custom types'
  // conversions (bigint ids as numbers), as the ORM's hydrator applies them.
  const mapped = node.mapResult(raw);
  const out: Row = {};
  for (let i = 0; i < columns.length; i++) {
    const name = columns[i]?.[0] ?? '';
    const value = mapped[name] ?? null;
    const convert = converters[i];
    out[name] = convert !== undefined && value !== null ? convert(value) : value;
  }
  for (const { node: child, prop, toOne } of node.relations) {
    // A populated required reference that is missing hides the row (checked above); an optional one is null.
    if (toOne) out[prop.name] = mapNode(child, row) ?? null;
  }
  return out;
}

function pathValue(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, key) => (v as Row | null | undefined)?.[key], value);
}

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

/**
 * The rows of a graph's query as plain objects (property names, the ORM's types): one per root entity,
 * in row order, with its to-many relations gathered (live items only, sorted by their `sortBy`).
 */
export function mapRows(graph: EntityGraph, rows: readonly Row[]): Row[] {
  const { root } = graph;
  const rootKey = root.keys[0] ?? '';
  const collections = root.relations.filter((r) => !r.toOne);
  const byId = new Map<unknown, { out: Row; items: Map<string, Map<unknown, Row>> }>();
  const result: Row[] = [];
  for (const row of rows) {
    const id = row[rootKey];
    let entry = byId.get(id);
    if (entry === undefined) {
      const out = mapNode(root, row);
      if (out === undefined) continue;
      entry = { out, items: new Map() };
      byId.set(id, entry);
      result.push(out);
    }
    for (const { prop, node } of collections) {
      let items = entry.items.get(prop.name);
      if (items === undefined) {
        items = new Map();
        entry.items.set(prop.name, items);
      }
      const item = mapNode(node, row);
      if (item !== undefined) items.set(item[node.columns[0]?.[0] ?? ''], item);
    }
  }
  for (const { out, items } of byId.values()) {
    for (const { prop, node } of collections) {
      const list = [...(items.get(prop.name)?.values() ?? [])];
      const sortBy = node.sortBy;
      if (sortBy !== undefined) list.sort((a, b) => compare(pathValue(a, sortBy), pathValue(b, sortBy)));
      out[prop.name] = list;
    }
  }
  return result;
}
