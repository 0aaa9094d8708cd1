import { defineEntity, type EntitySchema, type InferEntity } from '@mikro-orm/core';
import { auditProperties } from '../columns/audit-columns';
import { referenceChecks, referenceProperties } from '../columns/reference-columns';

const SettingTypeSchema = defineEntity({
  name: 'SettingType',
  schema: 'ref',
  tableName: 'SettingType',
  properties: { ...referenceProperties('SettingType'), ...auditProperties() },
  checks: referenceChecks('SettingType'),
});

/** A `ref.SettingType` row, typed from its definition. */
export interface SettingType extends InferEntity<typeof SettingTypeSchema> {}

/**
 * `ref.SettingType`: value types of application settings (String, Integer, Boolean, Json, ...), telling code
 * how to parse `config.AppSetting.SettingValue`. Referenced by `config.AppSetting.SettingTypeID`. Shared
 * reference shape (`SettingTypeID`, unique `Code`, `Name`, `Description`, `SortOrder`, `IsActive`, audit
 * columns); soft-deletable.
 */
export const SettingType: EntitySchema<SettingType> = SettingTypeSchema;
