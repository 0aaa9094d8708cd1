import { createRequire } from 'node:module';
import { UnicodeString } from '@mikro-orm/mssql';

/** The tedious data types this mapping picks (tedious' `TYPES`). */
interface TediousTypes {
  readonly NVarChar: object;
  readonly DateTime2: object;
}

let tediousTypes: TediousTypes | undefined;

// tedious is a dependency of @mikro-orm/mssql (and the peer knex sends with): loaded from there, the
// same copy, rather than declared a second time here. Loaded on first use, so that PostgreSQL and
// PGlite processes never load it.
function types(): TediousTypes {
  if (tediousTypes === undefined) {
    const fromMssql = createRequire(createRequire(__filename).resolve('@mikro-orm/mssql'));
    tediousTypes = (fromMssql('tedious') as { TYPES: TediousTypes }).TYPES;
  }
  return tediousTypes;
}

/**
 * knex's `mapBinding` for SQL Server (the `options.mapBinding` connection option of knex's mssql
 * client): the tedious type each bound value is sent as, where knex's own choice is wrong for this
 * schema. `undefined` leaves the value to knex (`number` → int / bigint / float, `boolean` → bit,
 * `string` → nvarchar, `Buffer` → varbinary).
 *
 * - A JS `Date` is `datetime2` (precision 7). knex would send `datetime`, which rounds to 1/300 s and,
 *   compared with the `datetime2` columns of this schema, converts the column side.
 * - MikroORM's `UnicodeString` (how its SQL Server platform wraps strings of `nvarchar` properties) is
 *   sent as its plain string, as `nvarchar`.
 * @example
 * knex({ client: 'mssql', connection: { options: { mapBinding: mapMsSqlBinding } } })
 */
export function mapMsSqlBinding(value: unknown): { value: unknown; type: object } | undefined {
  if (value instanceof UnicodeString) return { value: value.valueOf(), type: types().NVarChar };
  if (value instanceof Date) return { value, type: types().DateTime2 };
  return undefined;
}
