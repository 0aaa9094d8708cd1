import { solomonName } from './solomon-name';

/** A named check constraint in the shape MikroORM's entity `checks` option takes. */
export interface NamedCheck {
  /** `CK_Table_Rule`. */
  readonly name: string;
  /** Portable SQL; identifiers double-quoted. */
  readonly expression: string;
}

/**
 * Quotes a column name the ANSI way. PostgreSQL folds unquoted names to lower case, so PascalCase columns
 * must be quoted there; SQL Server accepts double quotes with QUOTED_IDENTIFIER ON (the default of every
 * current client, tedious included).
 * @example quoteIdentifier('SortOrder') // '"SortOrder"'
 */
export function quoteIdentifier(column: string): string {
  return `"${column.replaceAll('"', '""')}"`;
}

function atLeast(table: string, column: string, min: number): NamedCheck {
  return { name: solomonName.check(table, column), expression: `${quoteIdentifier(column)} >= ${min}` };
}

/**
 * The check constraints the entities declare. Each returns a standard `CK_Table_Rule` name and an expression
 * that runs unchanged on SQL Server and PostgreSQL (a null value passes, as SQL intends).
 */
export const checks = {
  /**
   * `column >= 0`, for sort orders, counters and durations.
   * @example
   * checks.nonNegative('Country', 'SortOrder');
   * // { name: 'CK_Country_SortOrder', expression: '"SortOrder" >= 0' }
   */
  nonNegative: (table: string, column: string): NamedCheck => atLeast(table, column, 0),
  /** `column >= min`, for counters that start above zero. */
  atLeast,
  /** `column between min and max`, for values with a known range (HTTP status codes). */
  between: (table: string, column: string, min: number, max: number): NamedCheck => ({
    name: solomonName.check(table, column),
    expression: `${quoteIdentifier(column)} between ${min} and ${max}`,
  }),
  /** `ExpiresDate > CreatedDate`: a token, invitation or cache row cannot be born expired. */
  expiresAfterCreated: (table: string): NamedCheck => ({
    name: solomonName.check(table, 'ExpiresDate'),
    expression: `${quoteIdentifier('ExpiresDate')} > ${quoteIdentifier('CreatedDate')}`,
  }),
} as const;
