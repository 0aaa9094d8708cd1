import type { EntityMetadata, EntityName, EntityProperty, Platform } from '@mikro-orm/core';
import { MSSQL_MAX_BOUND_PARAMETERS } from './naming/mssql-parameters';
import type { Orm } from './orm';

/** How one entity property is written: its column and, for custom-typed properties, the conversion. */
interface ColumnOf {
  readonly property: string;
  readonly column: string;
  readonly toDatabase: ((value: unknown) => unknown) | undefined;
}

function columnsOf(meta: EntityMetadata, platform: Platform, properties: readonly string[]): ColumnOf[] {
  return properties.map((name) => {
    const prop = (meta.properties as Record<string, EntityProperty | undefined>)[name];
    const column = prop?.fieldNames[0];
    if (prop === undefined || column === undefined || prop.persist === false) {
      throw new TypeError(`${meta.className} has no column for the property "${name}".`);
    }
    const type = prop.customType;
    const toDatabase = type ? (value: unknown): unknown => type.convertToDatabaseValue(value, platform, { mode: 'query' }) as unknown : undefined;
    return { property: name, column, toDatabase };
  });
}

/**
 * Appends plain rows to an entity's table with bound parameters: one `INSERT` per chunk of rows (all
 * chunks in one transaction), and none of the unit of work's work — no entity instances, identity map,
 * subscribers or lifecycle hooks, and no rendering of every value into the SQL text, which is what
 * `em.insertMany` costs. For append-only tables written in bulk in the background, such as
 * log.ApiRequest. Rows carry the entity's properties (`requestId`), written to their columns
 * (`RequestID`) through the properties' custom types; every row must carry the same properties.
 * @throws the driver's error, unmapped (see {@link mapDatabaseError}); nothing is written then.
 * @example await insertRows(orm, ApiRequest, [{ requestId: 'r1', method: 'GET', ... }]);
 */
export async function insertRows<T extends object>(orm: Orm, entityName: EntityName<T>, rows: readonly Partial<T>[]): Promise<void> {
  const [first] = rows;
  if (first === undefined) return;
  const meta = orm.getMetadata().get<T>(entityName);
  const properties = Object.keys(first);
  const columns = columnsOf(meta as EntityMetadata, orm.em.getPlatform(), properties);
  const records = rows.map((row) => {
    const values = row as Record<string, unknown>;
    const record: Record<string, unknown> = {};
    for (const { property, column, toDatabase } of columns) {
      const value = values[property] ?? null;
      record[column] = toDatabase && value !== null ? toDatabase(value) : value;
    }
    return record;
  });
  const knex = orm.em.getConnection('write').getKnex();
  const table = meta.schema === undefined ? meta.tableName : `${meta.schema}.${meta.tableName}`;
  // Every dialect gets chunks SQL Server could bind as parameters (2,100 less sp_executesql's own two).
  const rowsPerStatement = Math.max(1, Math.floor(MSSQL_MAX_BOUND_PARAMETERS / properties.length));
  if (records.length <= rowsPerStatement) {
    await knex(table).insert(records);
    return;
  }
  await knex.transaction(async (trx) => {
    for (let start = 0; start < records.length; start += rowsPerStatement) {
      await trx(table).insert(records.slice(start, start + rowsPerStatement));
    }
  });
}
