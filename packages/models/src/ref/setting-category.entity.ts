import { defineEntity, type EntitySchema, type InferEntity } from '@mikro-orm/core';
import { auditProperties } from '../columns/audit-columns';
import { referenceChecks, referenceProperties } from '../columns/reference-columns';

const SettingCategorySchema = defineEntity({
  name: 'SettingCategory',
  schema: 'ref',
  tableName: 'SettingCategory',
  properties: { ...referenceProperties('SettingCategory'), ...auditProperties() },
  checks: referenceChecks('SettingCategory'),
});

/** A `ref.SettingCategory` row, typed from its definition. */
export interface SettingCategory extends InferEntity<typeof SettingCategorySchema> {}

/**
 * `ref.SettingCategory`: groups of application settings (Security, Email, Billing, ...). Referenced by
 * `config.AppSetting.SettingCategoryID`. Shared reference shape (`SettingCategoryID`, unique `Code`, `Name`,
 * `Description`, `SortOrder`, `IsActive`, audit columns); soft-deletable.
 */
export const SettingCategory: EntitySchema<SettingCategory> = SettingCategorySchema;
