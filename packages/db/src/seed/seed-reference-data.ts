import { helper, type EntityData, type EntitySchema, type RequiredEntityData } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import {
  AppSetting,
  Country,
  RuleType,
  SettingCategory,
  SettingType,
  User,
  UserStatus,
  ValidationRule,
  referenceTables,
  type ReferenceTableName,
} from '@eventlead/models';
import type { Orm } from '../orm';
import { includeDeleted } from '../soft-delete';
import { transactional } from '../transaction';
import { USER_STATUS } from './reference-codes';
import { appSettings, referenceRowsByTable, validationRules, type ReferenceRow } from './reference-rows';
import { DISABLED_PASSWORD_HASH, SYSTEM_ACTOR_EMAIL } from './system-actor';

/** The tables {@link seedReferenceData} writes, `schema.Table`: every `ref` table, the settings, the rules and the operator account. */
export type SeededTable = `ref.${ReferenceTableName}` | 'config.AppSetting' | 'config.ValidationRule' | 'dbo.User';

/** What the seed did to one table. */
export interface SeedTableCount {
  /** Rows the seed added. */
  readonly inserted: number;
  /** Existing rows whose seed-owned columns the seed changed. */
  readonly updated: number;
  /** Rows in the table afterwards, soft-deleted ones included. */
  readonly total: number;
}

/** {@link SeedTableCount} per seeded table. */
export type SeedCounts = Readonly<Record<SeededTable, SeedTableCount>>;

interface Planned<T> {
  readonly key: string;
  /** Everything a new row gets. */
  readonly insert: RequiredEntityData<T>;
  /** What the seed owns on an existing row; other columns are left to operators. */
  readonly update: EntityData<T>;
}

function primaryKeyOf(value: unknown): unknown {
  return typeof value === 'object' && value !== null && !(value instanceof Date) ? helper(value).getPrimaryKey() : value;
}

/** Equal as stored: entities by primary key, dates by instant, the rest by value (undefined = null). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  }
  return primaryKeyOf(a ?? null) === primaryKeyOf(b ?? null);
}

/** Assigns the values that differ; returns whether anything changed (unchanged rows get no UPDATE). */
function assignChanged(entity: object, data: object): boolean {
  const target = entity as Record<string, unknown>;
  let changed = false;
  for (const [key, value] of Object.entries(data)) {
    if (!sameValue(target[key], value)) {
      target[key] = value;
      changed = true;
    }
  }
  return changed;
}

/**
 * Upserts `rows` into one table by their natural key: missing rows are inserted, existing ones get the
 * seed-owned columns (`update`) where they differ, soft-deleted ones are left deleted. Flushes, then
 * counts the table.
 */
async function upsert<T extends object>(
  em: EntityManager,
  entity: EntitySchema<T>,
  keyOf: (row: T) => string,
  rows: readonly Planned<T>[],
): Promise<SeedTableCount> {
  const existing = new Map((await em.find(entity, {}, includeDeleted())).map((row) => [keyOf(row), row]));
  let inserted = 0;
  let updated = 0;
  for (const row of rows) {
    const found = existing.get(row.key);
    if (found === undefined) {
      em.create(entity, row.insert);
      inserted++;
    } else if (assignChanged(found, row.update)) {
      updated++;
    }
  }
  await em.flush();
  return { inserted, updated, total: await em.count(entity, {}, includeDeleted()) };
}

/** Reference tables of the shared shape: Code, Name, Description, SortOrder (IsActive only on insert). */
async function upsertReference<T extends { code: string }>(
  em: EntityManager,
  entity: EntitySchema<T>,
  rows: readonly ReferenceRow[],
): Promise<SeedTableCount> {
  return upsert(
    em,
    entity,
    (row) => row.code,
    rows.map((row) => ({
      key: row.code,
      insert: { isActive: true, ...row } as unknown as RequiredEntityData<T>,
      update: { description: null, ...row } as EntityData<T>,
    })),
  );
}

async function byCode<T extends { code: string }>(em: EntityManager, entity: EntitySchema<T>): Promise<Map<string, T>> {
  return new Map((await em.find(entity, {}, includeDeleted())).map((row) => [row.code, row]));
}

function required<V>(map: Map<string, V>, code: string, table: string): V {
  const value = map.get(code);
  if (value === undefined) {
    throw new Error(`Seed data refers to ${table} code ${code}, which is not seeded.`);
  }
  return value;
}

/** Every table of `referenceTables`, in its order, with its rows from `referenceRowsByTable`. */
async function seedRefTables(em: EntityManager): Promise<Record<`ref.${ReferenceTableName}`, SeedTableCount>> {
  const counts: Partial<Record<`ref.${ReferenceTableName}`, SeedTableCount>> = {};
  for (const { table, entity } of referenceTables) {
    counts[`ref.${table}`] = await upsertReference(em, entity, referenceRowsByTable[table]());
  }
  return counts as Record<`ref.${ReferenceTableName}`, SeedTableCount>;
}

/**
 * Settings are operator-tunable: a missing setting is inserted with its default; on an existing one the
 * seed refreshes the documentation (description, default, type, category) and never the value.
 */
async function seedAppSettings(em: EntityManager): Promise<SeedTableCount> {
  const categories = await byCode(em, SettingCategory);
  const types = await byCode(em, SettingType);
  return upsert(
    em,
    AppSetting,
    (row) => row.settingKey,
    appSettings.map((setting, i) => {
      const owned = {
        description: setting.description,
        defaultValue: setting.value,
        settingCategory: required(categories, setting.category, 'ref.SettingCategory'),
        settingType: required(types, setting.type, 'ref.SettingType'),
        isSensitive: setting.isSensitive ?? false,
        sortOrder: i + 1,
      };
      return { key: setting.key, insert: { settingKey: setting.key, settingValue: setting.value, isEditable: true, ...owned }, update: owned };
    }),
  );
}

/** Rules are operator-tunable like settings: inserted when missing, only Description refreshed after. */
async function seedValidationRules(em: EntityManager): Promise<SeedTableCount> {
  const types = await byCode(em, RuleType);
  const countries = await byCode(em, Country);
  const keyOf = (name: string, ruleTypeId: number, countryId: number | undefined) => `${name}|${ruleTypeId}|${countryId ?? ''}`;
  return upsert(
    em,
    ValidationRule,
    (row) => keyOf(row.ruleName, row.ruleType.id, row.country?.id),
    validationRules.map((rule, i) => {
      const ruleType = required(types, rule.ruleType, 'ref.RuleType');
      const country = rule.country === undefined ? null : required(countries, rule.country, 'ref.Country');
      return {
        key: keyOf(rule.ruleName, ruleType.id, country?.id),
        insert: {
          ruleName: rule.ruleName,
          ruleType,
          ruleValue: rule.ruleValue,
          errorMessage: rule.errorMessage,
          description: rule.description,
          country,
          sortOrder: i + 1,
          isActive: true,
        },
        update: { description: rule.description },
      };
    }),
  );
}

/**
 * The platform operator account. Created active and verified with a password hash nothing matches; on
 * every run the hash is put back to that value, so the account can never be signed in to.
 */
async function seedSystemActor(em: EntityManager): Promise<SeedTableCount> {
  const status = required(await byCode(em, UserStatus), USER_STATUS.active, 'ref.UserStatus');
  return upsert(
    em,
    User,
    (row) => row.email,
    [
      {
        key: SYSTEM_ACTOR_EMAIL,
        insert: {
          email: SYSTEM_ACTOR_EMAIL,
          passwordHash: DISABLED_PASSWORD_HASH,
          firstName: 'EventLead',
          lastName: 'Platform',
          roleTitle: 'Platform operator',
          isEmailVerified: true,
          emailVerifiedDate: new Date(),
          onboardingComplete: true,
          status,
        },
        update: { passwordHash: DISABLED_PASSWORD_HASH },
      },
    ],
  );
}

/**
 * Writes the reference data through `em`, in one transaction (see {@link seedReferenceData}).
 * For MikroORM's seeder, {@link ReferenceDataSeeder} calls this.
 */
export async function seedReferenceDataWith(em: EntityManager): Promise<SeedCounts> {
  return transactional(em, async (tx) => ({
    ...(await seedRefTables(tx)),
    'config.AppSetting': await seedAppSettings(tx),
    'config.ValidationRule': await seedValidationRules(tx),
    'dbo.User': await seedSystemActor(tx),
  }));
}

/**
 * Fills every reference table with its real values, the default settings and validation rules, and the
 * platform operator account, in one transaction. Idempotent: rows are matched by their code or key,
 * missing ones inserted, seed-owned columns of existing ones corrected, nothing else touched, so a
 * second run changes nothing. Returns what it did per table.
 *
 * - Countries: ISO 3166-1 (249) from i18n-iso-countries, dialling prefixes from libphonenumber-js.
 * - Languages: ISO 639-1 from iso-639-1. Industries: the 19 ANZSIC 2006 divisions A–S.
 * - Time zones: the 12 IANA zones of Australia. Statuses, roles, setting and rule types, tiers: the
 *   codes in `USER_STATUS`, `USER_COMPANY_ROLE`, ... (see the README).
 * - Operators own `IsActive` of reference rows, setting values and validation rules once inserted;
 *   soft-deleted rows stay deleted.
 * @example
 * const counts = await seedReferenceData(orm); // counts['ref.Country'] → { inserted: 249, updated: 0, total: 249 }
 */
export async function seedReferenceData(orm: Orm): Promise<SeedCounts> {
  return seedReferenceDataWith(orm.em.fork());
}
