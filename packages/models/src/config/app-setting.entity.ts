import { defineEntity, p, type EntitySchema, type InferEntity } from '@mikro-orm/core';
import { auditProperties } from '../columns/audit-columns';
import { reference } from '../columns/reference';
import { checks } from '../naming/check-constraint';
import { solomonName } from '../naming/solomon-name';
import { SettingCategory } from '../ref/setting-category.entity';
import { SettingType } from '../ref/setting-type.entity';

const table = 'AppSetting';

const AppSettingSchema = defineEntity({
  name: 'AppSetting',
  schema: 'config',
  tableName: table,
  properties: {
    id: p.bigint('number').primary().autoincrement().fieldName('AppSettingID'),
    settingKey: p
      .string()
      .length(100)
      .fieldName('SettingKey')
      .unique(solomonName.unique(table, 'SettingKey')),
    settingValue: p.text().fieldName('SettingValue').nullable(),
    defaultValue: p.text().fieldName('DefaultValue').nullable(),
    description: p.string().length(500).fieldName('Description').nullable(),
    settingCategory: () => reference(table, SettingCategory, 'SettingCategoryID', 'SettingCategory'),
    settingType: () => reference(table, SettingType, 'SettingTypeID', 'SettingType'),
    isEditable: p.boolean().fieldName('IsEditable').default(true),
    isSensitive: p.boolean().fieldName('IsSensitive').default(false),
    sortOrder: p.integer().fieldName('SortOrder').default(0),
    ...auditProperties(),
  },
  checks: [checks.nonNegative(table, 'SortOrder')],
});

/** A `config.AppSetting` row, typed from its definition. */
export interface AppSetting extends InferEntity<typeof AppSettingSchema> {}

/**
 * `config.AppSetting`: a typed key/value application setting, changeable without a deploy. `SettingKey` is
 * unique (`security.password.minLength`); `SettingValue` holds the current value as text and `DefaultValue`
 * the value to fall back to, both parsed according to `SettingTypeID` → `ref.SettingType`.
 * `SettingCategoryID` → `ref.SettingCategory` groups settings for the admin screen, `SortOrder` orders them
 * there, `IsEditable` says whether an administrator may change the value, and `IsSensitive` asks screens and
 * logs to mask it. Soft-deletable; audit columns.
 */
export const AppSetting: EntitySchema<AppSetting> = AppSettingSchema;
