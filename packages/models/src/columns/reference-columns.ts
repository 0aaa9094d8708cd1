import { p } from '@mikro-orm/core';
import { checks, type NamedCheck } from '../naming/check-constraint';
import { solomonName } from '../naming/solomon-name';

/** Column sizes a reference table may override. */
export interface ReferenceColumnOptions {
  /** Length of `Code` (default 50): 2 for ISO alpha-2 countries and ISO 639-1 languages. */
  readonly codeLength?: number;
  /** Length of `Name` (default 100). */
  readonly nameLength?: number;
}

/**
 * The columns every `ref` table shares: an int identity `[Table]ID`, a unique `Code` (what code and seed data
 * refer to), a display `Name`, an optional `Description`, a `SortOrder` for pick lists, `IsActive` to retire
 * a value without deleting it. Spread it first and the audit columns last.
 *
 * Reference tables use `int` keys: they hold tens of rows, and every big table referencing them keeps a
 * 4-byte column instead of an 8-byte one. Both map to a JS `number`.
 *
 * @param table the table name (`Country`), which names the key column and the constraints
 * @example
 * defineEntity({
 *   name: 'Industry', schema: 'ref', tableName: 'Industry',
 *   properties: { ...referenceProperties('Industry'), ...auditProperties() },
 *   checks: referenceChecks('Industry'),
 * });
 */
export function referenceProperties(table: string, options: ReferenceColumnOptions = {}) {
  const { codeLength = 50, nameLength = 100 } = options;
  return {
    id: p.integer().primary().autoincrement().fieldName(`${table}ID`),
    code: p.string().length(codeLength).fieldName('Code').unique(solomonName.unique(table, 'Code')),
    name: p.string().length(nameLength).fieldName('Name'),
    description: p.string().length(500).fieldName('Description').nullable(),
    sortOrder: p.integer().fieldName('SortOrder').default(0),
    isActive: p.boolean().fieldName('IsActive').default(true),
  };
}

/** The check constraints every `ref` table carries: `SortOrder >= 0`. */
export function referenceChecks(table: string): NamedCheck[] {
  return [checks.nonNegative(table, 'SortOrder')];
}
