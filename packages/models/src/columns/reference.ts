import { p, type EntityClass, type EntitySchema } from '@mikro-orm/core';
import { solomonName } from '../naming/solomon-name';

/** What a reference may point at: an entity schema or class, as `p.manyToOne` takes it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the same bound as MikroORM's p.manyToOne
type ReferenceTarget = EntitySchema<any, any> | EntityClass<any>;

/**
 * A many-to-one reference declared the house way: the join column `column`, the foreign key
 * `FK_<table>_<fkSuffix>` with NO ACTION on delete and on update (rows are soft-deleted, so nothing
 * cascades), and the index `IX_<table>_<column>` that every foreign key column gets. Chain what
 * differs per property: `.inversedBy(...)`, `.nullable()`.
 * @param table the referencing table (`UserCompany`), which names the constraint and the index
 * @param target the referenced entity
 * @param column the join column (`UserID`, `InvitedBy`)
 * @param fkSuffix the foreign key's last part: the referenced table (`User`), or the column where a
 *   table references the same one twice (`InvitedBy`)
 * @example
 * user: () => reference(table, User, 'UserID', 'User').inversedBy('refreshTokens'),
 */
export function reference<Target extends ReferenceTarget>(table: string, target: Target, column: string, fkSuffix: string) {
  return p
    .manyToOne(target)
    .joinColumn(column)
    .foreignKeyName(solomonName.foreignKey(table, fkSuffix))
    .deleteRule('no action')
    .updateRule('no action')
    .index(solomonName.index(table, column));
}
