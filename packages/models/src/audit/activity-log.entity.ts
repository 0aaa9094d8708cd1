import { defineEntity, p, type EntitySchema, type InferEntity } from '@mikro-orm/core';
import { createdDateProperty } from '../columns/audit-columns';
import { requestContextProperties, userAndCompanyProperties } from '../columns/event-columns';
import { solomonName } from '../naming/solomon-name';

const table = 'ActivityLog';

const ActivityLogSchema = defineEntity({
  name: 'ActivityLog',
  schema: 'audit',
  tableName: table,
  properties: {
    id: p.bigint('number').primary().autoincrement().fieldName('ActivityLogID'),
    ...userAndCompanyProperties(table),
    action: p.string().length(100).fieldName('Action'),
    entityType: p.string().length(100).fieldName('EntityType').nullable(),
    entityId: p.bigint('number').fieldName('EntityID').nullable(),
    details: p.json<Record<string, unknown>>().fieldName('Details').nullable(),
    ...requestContextProperties(),
    createdDate: createdDateProperty().index(solomonName.index(table, 'CreatedDate')),
  },
  indexes: [
    { name: solomonName.index(table, 'EntityType', 'EntityID'), properties: ['entityType', 'entityId'] },
  ],
});

/** An `audit.ActivityLog` row, typed from its definition. */
export interface ActivityLog extends InferEntity<typeof ActivityLogSchema> {}

/**
 * `audit.ActivityLog`: an append-only record of what a user did (`Action`, for example
 * `company.profile.updated`), to which record (`EntityType` + `EntityID`), in which company, with free-form
 * `Details` (JSON) and the request it came from (`IPAddress`, `UserAgent`, `RequestID`).
 *
 * `UserID` and `CompanyID` are plain indexed columns, not foreign keys: an audit trail must outlive the rows
 * it mentions, must never block their deletion, and must accept system actions (null user). Append-only:
 * `CreatedDate` only, no update or soft-delete columns.
 */
export const ActivityLog: EntitySchema<ActivityLog> = ActivityLogSchema;
