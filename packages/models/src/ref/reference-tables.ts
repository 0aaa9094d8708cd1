import type { EntitySchema } from '@mikro-orm/core';
import { Country } from './country.entity';
import { CustomerTier } from './customer-tier.entity';
import { Industry } from './industry.entity';
import { JoinedVia } from './joined-via.entity';
import { Language } from './language.entity';
import { RuleType } from './rule-type.entity';
import { SettingCategory } from './setting-category.entity';
import { SettingType } from './setting-type.entity';
import { Timezone } from './timezone.entity';
import { UserCompanyRole } from './user-company-role.entity';
import { UserCompanyStatus } from './user-company-status.entity';
import { UserInvitationStatus } from './user-invitation-status.entity';
import { UserRole } from './user-role.entity';
import { UserStatus } from './user-status.entity';

/**
 * The columns every reference row has (from `referenceProperties()`), whatever else its table adds: what a
 * reader of any `ref` table may rely on.
 */
export interface ReferenceRow {
  /** The primary key, column `<Table>ID`. */
  id: number;
  /** The stable code that code matches on, unique per table (e.g. `active`); column `Code`. */
  code: string;
  /** The display name; column `Name`. */
  name: string;
  /** Free text about the row, at most 500 characters; null when there is none; column `Description`. */
  description?: string | null;
  /** Where the row sorts in lists, 0 or more (default 0); column `SortOrder`. */
  sortOrder: number;
  /** Whether the code is in use; false marks a retired one (default true); column `IsActive`. */
  isActive: boolean;
}

/** One `ref` table in {@link referenceTables}. */
export interface ReferenceTable<T extends string = string> {
  /** The table (and entity) name, `UserStatus` of `ref.UserStatus`. */
  readonly table: T;
  /** The entity. */
  readonly entity: EntitySchema<ReferenceRow>;
  /** The table's rows named in kebab-case plural, the way URLs and documents address them (`user-statuses`). */
  readonly slug: string;
}

function referenceTable<const T extends string, E extends ReferenceRow>(
  table: T,
  entity: EntitySchema<E>,
  slug: string,
): ReferenceTable<T> {
  // EntitySchema is invariant in its entity type; `E extends ReferenceRow` is what makes this widening safe.
  return { table, entity: entity as unknown as EntitySchema<ReferenceRow>, slug };
}

/**
 * Every `ref` table, once, in the order of the schema documentation: the list `entitiesBySchema.ref`, the
 * API's `/ref/:table`, the db package's seed and the tests read, so a new reference table is added here and
 * nowhere else.
 * @example
 * const bySlug = new Map(referenceTables.map(({ slug, entity }) => [slug, entity]));
 */
export const referenceTables = [
  referenceTable('Country', Country, 'countries'),
  referenceTable('Language', Language, 'languages'),
  referenceTable('Industry', Industry, 'industries'),
  referenceTable('Timezone', Timezone, 'timezones'),
  referenceTable('UserStatus', UserStatus, 'user-statuses'),
  referenceTable('UserInvitationStatus', UserInvitationStatus, 'user-invitation-statuses'),
  referenceTable('UserRole', UserRole, 'user-roles'),
  referenceTable('UserCompanyRole', UserCompanyRole, 'user-company-roles'),
  referenceTable('UserCompanyStatus', UserCompanyStatus, 'user-company-statuses'),
  referenceTable('SettingCategory', SettingCategory, 'setting-categories'),
  referenceTable('SettingType', SettingType, 'setting-types'),
  referenceTable('RuleType', RuleType, 'rule-types'),
  referenceTable('CustomerTier', CustomerTier, 'customer-tiers'),
  referenceTable('JoinedVia', JoinedVia, 'joined-via'),
];

/** The name of a `ref` table (`'Country' | 'Language' | …`). */
export type ReferenceTableName = (typeof referenceTables)[number]['table'];
