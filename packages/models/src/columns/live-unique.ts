import { raw, type RawQueryFragment } from '@mikro-orm/core';
import { solomonName } from '../naming/solomon-name';
import { auditColumns } from './audit-columns';

/** A unique index in the shape MikroORM's entity `uniques` option takes, rendered per dialect. */
export interface LiveUniqueIndex<P extends string = string> {
  /** `UQ_Table_Column`. */
  readonly name: string;
  /** The property the index covers (so metadata, documentation and the schema check know its column). */
  readonly properties: P[];
  /** Builds the `create unique index` statement; MikroORM quotes it for the dialect at hand. */
  readonly expression: (table: { name: string; schema?: string }) => RawQueryFragment;
}

/**
 * A unique index over the live rows of a soft-deletable table only (`WHERE IsDeleted = false`), so a
 * soft-deleted row does not keep its value taken for ever. MikroORM renders the identifiers and the `false`
 * for the dialect: `where "IsDeleted" = false` on PostgreSQL, `where [IsDeleted] = 0` on SQL Server.
 * Case-insensitivity is not the index's business: values are normalised before they are stored (emails are
 * lower-cased by `@eventlead/schemas`), and SQL Server's default collation compares without case anyway.
 * @example
 * uniques: [liveUnique('User', 'email', 'Email')]
 * // create unique index "UQ_User_Email" on "dbo"."User" ("Email") where "IsDeleted" = false
 */
export function liveUnique<P extends string>(table: string, property: P, column: string): LiveUniqueIndex<P> {
  const name = solomonName.unique(table, column);
  return {
    name,
    properties: [property],
    expression: (target) =>
      raw('create unique index ?? on ?? (??) where ?? = ?', [
        name,
        target.schema === undefined ? target.name : `${target.schema}.${target.name}`,
        column,
        auditColumns.isDeleted,
        false,
      ]),
  };
}
