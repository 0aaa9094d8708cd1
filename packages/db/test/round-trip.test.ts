import { ReferenceKind, type EntityMetadata, type EntityProperty } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { auditColumns, entities, softDeletableEntities } from '@eventlead/models';
import { includeDeleted } from '../src';
import { describeEachDatabase } from '../src/testing';

/**
 * Every table of @eventlead/models written and read back through the ORM, on each database. The rows are
 * built from the entity metadata, not written by hand: each scalar column gets a value of its type (JSON
 * and decimal columns included), each foreign key a parent row built the same way, so a new entity is
 * covered the day it is added. Values satisfy the check constraints the models declare: integers are 200
 * (non-negative, a valid StatusCode, AttemptNumber ≥ 1) and timestamps lie a day ahead (ExpiresDate >
 * CreatedDate).
 */

type Row = Record<string, unknown>;

const AUDIT = new Set<string>(Object.keys(auditColumns));
const SOFT_DELETABLE = new Set(softDeletableEntities.map((entity) => entity.meta.className));
const INTEGER_VALUE = 200;
const JSON_VALUE = { source: 'round-trip', nested: { list: [1, 'two', null], flag: true } };

let sequence = 0;

/** A value that fits the column and differs from every other generated one (unique columns stay unique). */
function uniqueString(prop: EntityProperty): string {
  sequence += 1;
  const text = `rt${sequence.toString(36)}${prop.name}`;
  const length = prop.length ?? 255;
  // Short columns (Code(2), ABN(11)) keep the sequence suffix so two rows never collide.
  return text.length <= length ? text : sequence.toString(36).padStart(length, 'x').slice(-length);
}

function scalarValue(prop: EntityProperty): unknown {
  const type = String(prop.runtimeType || prop.type).toLowerCase();
  const column = (prop.columnTypes[0] ?? '').toLowerCase();
  if (type === 'boolean') return true;
  if (column.startsWith('json') || type === 'object' || type === 'unknown' || type === 'any' || type.includes('record')) return JSON_VALUE;
  if (column.startsWith('numeric') || column.startsWith('decimal')) {
    const scale = prop.scale ?? 2;
    return (12.5).toFixed(scale);
  }
  if (type === 'number' || type === 'bigint') return INTEGER_VALUE;
  if (type === 'date' || column.startsWith('timestamp') || column.startsWith('datetime')) {
    return new Date(Math.floor(Date.now() / 1000) * 1000 + 86_400_000);
  }
  if (type === 'string') return uniqueString(prop);
  throw new Error(`round-trip: no generated value for ${prop.name} (${type} / ${column}); add one to scalarValue`);
}

/** Columns the round trip writes: every persisted scalar except the key and the audit set (the ORM owns those). */
function writableScalars(meta: EntityMetadata): EntityProperty[] {
  return meta.props.filter(
    (prop) => prop.kind === ReferenceKind.SCALAR && !prop.primary && prop.persist !== false && !prop.formula && !AUDIT.has(prop.name),
  );
}

/** The relations a row of this entity owns (its foreign keys). */
function ownedRelations(meta: EntityMetadata): EntityProperty[] {
  return meta.props.filter((prop) => prop.kind === ReferenceKind.MANY_TO_ONE || (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner));
}

/**
 * Creates (unflushed) one row of `meta` with every scalar column set and a fresh parent for each foreign key;
 * nullable foreign keys are filled on the row under test only, so parent chains stay short.
 */
function buildRow(em: EntityManager, meta: EntityMetadata, depth = 0): Row {
  const data: Row = {};
  for (const prop of writableScalars(meta)) {
    data[prop.name] = scalarValue(prop);
  }
  for (const prop of ownedRelations(meta)) {
    if (prop.nullable && depth > 0) continue;
    if (depth > 4) throw new Error(`round-trip: foreign keys of ${meta.className} nest too deep`);
    data[prop.name] = buildRow(em, em.getMetadata().get(prop.type), depth + 1);
  }
  return em.create<Row>(meta.className, data);
}

function comparable(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return Number(value);
  return value;
}

function idOf(entity: unknown): unknown {
  return (entity as Row | null)?.id;
}

const covered = new Set<string>();

describeEachDatabase(
  'every table round-trips through the ORM',
  (getDb) => {
    const metaOf = (className: string) => getDb().orm.getMetadata().get(className);

    test.each(entities.map((entity) => entity.meta.className))('%s: insert, query back, relations, delete', async (className) => {
      const meta = metaOf(className);
      const writer = getDb().em();
      const row = buildRow(writer, meta);
      await writer.flush();
      const id = row.id;
      expect(id).toBeDefined();

      // Query back in a fresh unit of work: every column as written, every foreign key pointing at its parent.
      const relations = ownedRelations(meta).map((prop) => prop.name);
      const reader = getDb().em();
      const found = await reader.findOneOrFail<Row>(className, { id }, { populate: relations as never[] });
      for (const prop of writableScalars(meta)) {
        expect([prop.name, comparable(found[prop.name])]).toEqual([prop.name, comparable(row[prop.name])]);
      }
      for (const prop of ownedRelations(meta)) {
        expect([prop.name, idOf(found[prop.name])]).toEqual([prop.name, idOf(row[prop.name])]);
      }
      expect(found.createdDate).toBeInstanceOf(Date);

      // The parent's side of each relation (its collection or 1:1 property) finds this row.
      for (const prop of ownedRelations(meta)) {
        const inverse = prop.inversedBy;
        if (!inverse) continue;
        const parentClass = prop.type;
        const parent = await getDb().em().findOneOrFail<Row>(parentClass, { id: idOf(row[prop.name]) }, { populate: [inverse] as never[] });
        const side = parent[inverse] as { getItems?: () => Row[] } | Row | null;
        const ids = side && typeof (side as { getItems?: unknown }).getItems === 'function' ? (side as { getItems: () => Row[] }).getItems().map(idOf) : [idOf(side)];
        expect([`${parentClass}.${inverse}`, ids]).toEqual([`${parentClass}.${inverse}`, [id]]);
      }

      // Delete: soft-deletable rows are hidden by the default filter yet kept; the others are gone.
      const deleter = getDb().em();
      deleter.remove(await deleter.findOneOrFail(className, { id }));
      await deleter.flush();
      expect(await getDb().em().findOne(className, { id })).toBeNull();
      const kept = await getDb().em().findOne<Row>(className, { id }, includeDeleted());
      if (SOFT_DELETABLE.has(className)) {
        expect(kept).toMatchObject({ id, isDeleted: true });
        expect(kept?.deletedDate).toBeInstanceOf(Date);
      } else {
        expect(kept).toBeNull();
      }
      covered.add(className);
    });

    test('the round trip covered every entity the models export (35 tables)', () => {
      expect(entities).toHaveLength(35);
      expect([...covered].sort()).toEqual(entities.map((entity) => entity.meta.className).sort());
      covered.clear();
    });
  },
  { resetAfterEach: false },
);
