/**
 * Longest identifier PostgreSQL keeps (NAMEDATALEN - 1). SQL Server allows 128, so a name that fits here fits
 * everywhere; longer names would be truncated silently by PostgreSQL and stop matching the model.
 */
export const MAX_IDENTIFIER_LENGTH = 63;

/** A Solomon identifier part: PascalCase letters and digits, capital first (`UserID`, `ABRSearch`). */
export const PASCAL_CASE = /^[A-Z][A-Za-z0-9]*$/;

/**
 * The shape of every standard constraint and index name, by kind. Tests (here and in the db package) use
 * these to check names they did not build with {@link solomonName}.
 */
export const solomonNamePatterns = {
  primaryKey: /^PK_[A-Z][A-Za-z0-9]*$/,
  foreignKey: /^FK_[A-Z][A-Za-z0-9]*_[A-Z][A-Za-z0-9]*$/,
  unique: /^UQ_[A-Z][A-Za-z0-9]*(_[A-Z][A-Za-z0-9]*)+$/,
  index: /^IX_[A-Z][A-Za-z0-9]*(_[A-Z][A-Za-z0-9]*)+$/,
  check: /^CK_[A-Z][A-Za-z0-9]*_[A-Z][A-Za-z0-9]*$/,
  default: /^DF_[A-Z][A-Za-z0-9]*_[A-Z][A-Za-z0-9]*$/,
} as const;

/** Thrown when a standard name cannot be built: a part is not PascalCase, or the result is too long. */
export class SolomonNameError extends Error {
  /** Stable code for callers that branch on the failure. */
  readonly code = 'SOLOMON_NAME_INVALID';

  /**
   * @param parts the table/column/rule parts that were passed in
   * @param reason why they were rejected
   */
  constructor(
    /** The table/column/rule parts that were passed in. */
    readonly parts: readonly string[],
    reason: string,
  ) {
    super(`Cannot build a Solomon name from [${parts.join(', ')}]: ${reason}`);
    this.name = 'SolomonNameError';
  }
}

function build(prefix: string, parts: readonly string[]): string {
  if (parts.length < 1) {
    throw new SolomonNameError(parts, 'no parts given');
  }
  const bad = parts.find((part) => !PASCAL_CASE.test(part));
  if (bad !== undefined) {
    throw new SolomonNameError(parts, `"${bad}" is not PascalCase`);
  }
  const name = [prefix, ...parts].join('_');
  if (name.length > MAX_IDENTIFIER_LENGTH) {
    throw new SolomonNameError(parts, `"${name}" is longer than ${MAX_IDENTIFIER_LENGTH} characters`);
  }
  return name;
}

/**
 * Builds the standard ("Solomon") constraint and index names, so the rule lives in one place: the entities
 * use it for the names they declare and the db package's naming strategy uses it for PK_ and DF_ names. Parts
 * are table and column names exactly as in the database (PascalCase). Names are scoped per schema in both SQL
 * Server and PostgreSQL, so `audit.User` and `dbo.User` may both own a `PK_User`.
 *
 * @example
 * solomonName.primaryKey('User'); // 'PK_User'
 * solomonName.foreignKey('UserCompany', 'Company'); // 'FK_UserCompany_Company'
 * solomonName.unique('UserCompany', 'UserID', 'CompanyID'); // 'UQ_UserCompany_UserID_CompanyID'
 */
export const solomonName = {
  /** `PK_Table`. */
  primaryKey: (table: string): string => build('PK', [table]),
  /**
   * `FK_Table_ReferencedTable`; pass the column instead of the referenced table where a table references the
   * same table twice (`FK_UserCompany_InvitedBy`).
   */
  foreignKey: (table: string, referencedTableOrColumn: string): string =>
    build('FK', [table, referencedTableOrColumn]),
  /** `UQ_Table_Column[_Column...]`. */
  unique: (table: string, column: string, ...moreColumns: string[]): string =>
    build('UQ', [table, column, ...moreColumns]),
  /** `IX_Table_Column[_Column...]`. */
  index: (table: string, column: string, ...moreColumns: string[]): string =>
    build('IX', [table, column, ...moreColumns]),
  /** `CK_Table_Rule`, the rule usually being the column it guards (`CK_User_AccessTokenVersion`). */
  check: (table: string, rule: string): string => build('CK', [table, rule]),
  /** `DF_Table_Column`. */
  default: (table: string, column: string): string => build('DF', [table, column]),
} as const;
