import { defineEntity, p, type EntitySchema, type InferEntity } from '@mikro-orm/core';
import { createdDateProperty } from '../columns/audit-columns';
import { userAndCompanyProperties } from '../columns/event-columns';
import { checks } from '../naming/check-constraint';
import { solomonName } from '../naming/solomon-name';

const table = 'ApiRequest';

const ApiRequestSchema = defineEntity({
  name: 'ApiRequest',
  schema: 'log',
  tableName: table,
  properties: {
    id: p.bigint('number').primary().autoincrement().fieldName('ApiRequestID'),
    requestId: p.string().length(64).fieldName('RequestID').index(solomonName.index(table, 'RequestID')),
    method: p.string().length(10).fieldName('Method'),
    path: p.string().length(2000).fieldName('Path'),
    statusCode: p.integer().fieldName('StatusCode'),
    durationMs: p.integer().fieldName('DurationMs'),
    ...userAndCompanyProperties(table),
    ipAddress: p.string().length(45).fieldName('IPAddress').nullable(),
    userAgent: p.string().length(500).fieldName('UserAgent').nullable(),
    createdDate: createdDateProperty().index(solomonName.index(table, 'CreatedDate')),
  },
  checks: [checks.between(table, 'StatusCode', 100, 599), checks.nonNegative(table, 'DurationMs')],
});

/** A `log.ApiRequest` row, typed from its definition. */
export interface ApiRequest extends InferEntity<typeof ApiRequestSchema> {}

/**
 * `log.ApiRequest`: one row per HTTP request the API answered: `RequestID` (the correlation id also written
 * to application logs), `Method`, `Path` (without the query string, so no secrets leak), `StatusCode`
 * (100-599), `DurationMs` (non-negative), the caller (`UserID`, `CompanyID`, both null for anonymous
 * requests), `IPAddress` and `UserAgent`.
 *
 * `UserID`/`CompanyID` are plain indexed columns, not foreign keys: logs must accept anonymous requests and
 * must never block deleting a user or company. Append-only: `CreatedDate` only.
 */
export const ApiRequest: EntitySchema<ApiRequest> = ApiRequestSchema;
