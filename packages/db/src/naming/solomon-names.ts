import { SolomonNameError, solomonName } from '@eventlead/models';

/**
 * Constraint names for the naming strategy and the SQL Server schema helper. The Solomon rules
 * themselves (`PK_Table`, `FK_Table_Column`, `UQ_Table_Column`, `IX_Table_Column`, `CK_Table_Rule`,
 * `DF_Table_Column`) live in `solomonName` of @eventlead/models, which the entities use too.
 */

/** Constraint kinds, as MikroORM names them (plus SQL Server's defaults). */
export type ConstraintKind = 'primary' | 'foreign' | 'unique' | 'index' | 'check' | 'default';

const PREFIX: Record<ConstraintKind, string> = {
  primary: 'PK',
  foreign: 'FK',
  unique: 'UQ',
  index: 'IX',
  check: 'CK',
  default: 'DF',
};

/** `dbo.User` → `User`; MikroORM passes schema-qualified names to the naming strategy. */
export function bareTableName(table: string): string {
  const dot = table.lastIndexOf('.');
  return dot === -1 ? table : table.slice(dot + 1);
}

function standardName(kind: ConstraintKind, table: string, columns: readonly string[]): string | undefined {
  const [first, ...more] = columns;
  switch (kind) {
    case 'primary':
      return solomonName.primaryKey(table);
    case 'unique':
      return first === undefined ? undefined : solomonName.unique(table, first, ...more);
    case 'index':
      return first === undefined ? undefined : solomonName.index(table, first, ...more);
    case 'foreign':
      return first !== undefined && more.length === 0 ? solomonName.foreignKey(table, first) : undefined;
    case 'check':
      return first !== undefined && more.length === 0 ? solomonName.check(table, first) : undefined;
    case 'default':
      return first !== undefined && more.length === 0 ? solomonName.default(table, first) : undefined;
  }
}

/**
 * The standard name of a constraint or index.
 *
 * Names `solomonName` cannot build (MikroORM's own `mikro_orm_migrations` table, multi-column foreign
 * keys, JSON-path columns, names over 63 characters) keep the prefix and join the parts with `_`, so
 * they still read as Solomon names instead of failing schema generation.
 * @example
 * constraintName('primary', 'dbo.User', ['UserID']) // 'PK_User'
 * constraintName('foreign', 'UserCompany', ['UserID']) // 'FK_UserCompany_UserID'
 */
export function constraintName(kind: ConstraintKind, table: string, columns: readonly string[] = []): string {
  const bare = bareTableName(table);
  try {
    const name = standardName(kind, bare, columns);
    if (name !== undefined) {
      return name;
    }
  } catch (err) {
    if (!(err instanceof SolomonNameError)) {
      throw err;
    }
  }
  const base = `${PREFIX[kind]}_${bare}`;
  if (kind === 'primary' || columns.length === 0) {
    return base;
  }
  return `${base}_${columns.map((c) => c.replace(/\./g, '_')).join('_')}`;
}
