import { defineEntity, p, type EntitySchema, type InferEntity } from '@mikro-orm/core';
import { createdDateProperty } from '../columns/audit-columns';
import { userAndCompanyProperties } from '../columns/event-columns';
import { solomonName } from '../naming/solomon-name';

const table = 'ApplicationError';

const ApplicationErrorSchema = defineEntity({
  name: 'ApplicationError',
  schema: 'log',
  tableName: table,
  properties: {
    id: p.bigint('number').primary().autoincrement().fieldName('ApplicationErrorID'),
    errorType: p.string().length(200).fieldName('ErrorType'),
    severity: p.string().length(20).fieldName('Severity').default('error'),
    message: p.text().fieldName('Message'),
    stackTrace: p.text().fieldName('StackTrace').nullable(),
    method: p.string().length(10).fieldName('Method').nullable(),
    path: p.string().length(2000).fieldName('Path').nullable(),
    requestId: p
      .string()
      .length(64)
      .fieldName('RequestID')
      .nullable()
      .index(solomonName.index(table, 'RequestID')),
    ...userAndCompanyProperties(table),
    createdDate: createdDateProperty().index(solomonName.index(table, 'CreatedDate')),
  },
});

/** A `log.ApplicationError` row, typed from its definition. */
export interface ApplicationError extends InferEntity<typeof ApplicationErrorSchema> {}

/**
 * `log.ApplicationError`: an unexpected error the API caught: `ErrorType` (the error class or code),
 * `Severity`, `Message`, `StackTrace`, the request it broke (`Method`, `Path`, `RequestID`) and the caller
 * (`UserID`, `CompanyID`), so a 500 reported by a user can be traced from its request id.
 *
 * `UserID`/`CompanyID` are plain indexed columns, not foreign keys (see `log.ApiRequest`). Append-only:
 * `CreatedDate` only.
 */
export const ApplicationError: EntitySchema<ApplicationError> = ApplicationErrorSchema;
