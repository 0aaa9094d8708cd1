import { ReferenceKind, type EntityMetadata } from '@mikro-orm/core';
import { discoverMetadata } from '../../test/discover-metadata';
import { referenceProperties } from '../columns/reference-columns';
import { entities, entitiesBySchema } from '../entities';
import { referenceTables } from './reference-tables';

let metadata: Map<string, EntityMetadata>;

beforeAll(async () => {
  metadata = await discoverMetadata(entities);
});

describe('referenceTables', () => {
  test('lists every entity of the ref schema once, and nothing else', () => {
    const refSchema = [...metadata.values()].filter((m) => m.schema === 'ref').map((m) => m.className);
    expect(referenceTables.map(({ table }) => table).sort()).toEqual(refSchema.sort());
    expect(new Set(referenceTables.map(({ entity }) => entity)).size).toBe(referenceTables.length);
    expect(entitiesBySchema.ref).toEqual(referenceTables.map(({ entity }) => entity));
  });

  test.each(referenceTables.map((ref) => [ref.table, ref] as const))('%s: name, entity and slug agree', (table, ref) => {
    expect(ref.entity.meta).toMatchObject({ className: table, tableName: table, schema: 'ref' });
    // kebab-case of the table name, pluralised (JoinedVia is already a collective noun)
    const kebab = table.replace(/(?<!^)([A-Z])/g, '-$1').toLowerCase();
    expect(ref.slug).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(ref.slug.startsWith(kebab.replace(/(y|s)$/, ''))).toBe(true);
  });

  test('slugs are unique', () => {
    expect(new Set(referenceTables.map(({ slug }) => slug)).size).toBe(referenceTables.length);
  });

  test.each(referenceTables.map((ref) => [ref.table]))('%s has the shared reference columns', (table) => {
    const m = metadata.get(table);
    const shared = Object.keys(referenceProperties(table));
    for (const name of [...shared, 'isActive']) {
      expect(m?.props.find((prop) => prop.name === name)).toMatchObject({ kind: ReferenceKind.SCALAR });
    }
  });
});
