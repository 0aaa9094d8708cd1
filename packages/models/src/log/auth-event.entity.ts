import { defineEntity, p, type EntitySchema, type InferEntity } from '@mikro-orm/core';
import { createdDateProperty } from '../columns/audit-columns';
import { requestContextProperties } from '../columns/event-columns';
import { solomonName } from '../naming/solomon-name';

const table = 'AuthEvent';

const AuthEventSchema = defineEntity({
  name: 'AuthEvent',
  schema: 'log',
  tableName: table,
  properties: {
    id: p.bigint('number').primary().autoincrement().fieldName('AuthEventID'),
    userId: p.bigint('number').fieldName('UserID').nullable().index(solomonName.index(table, 'UserID')),
    email: p.string().length(255).fieldName('Email').nullable().index(solomonName.index(table, 'Email')),
    eventType: p.string().length(50).fieldName('EventType'),
    reason: p.string().length(500).fieldName('Reason').nullable(),
    ...requestContextProperties(),
    createdDate: createdDateProperty().index(solomonName.index(table, 'CreatedDate')),
  },
});

/** A `log.AuthEvent` row, typed from its definition. */
export interface AuthEvent extends InferEntity<typeof AuthEventSchema> {}

/**
 * `log.AuthEvent`: an authentication event (sign-in, failed sign-in, sign-out, password reset, token refresh,
 * lock-out, ...). `EventType` names the event (`LOGIN_SUCCESS`, `LOGIN_FAILED`, ...) and `Reason` explains it
 * (`INVALID_PASSWORD`, `ACCOUNT_LOCKED`); there is no status or details column. `Email` is what was typed, so
 * failed attempts for unknown accounts are still recorded and can be throttled. Exactly 9 columns.
 *
 * `UserID` is a plain indexed column, not a foreign key: failed attempts have no user, and the log must never
 * block deleting one. Append-only: `CreatedDate` only.
 */
export const AuthEvent: EntitySchema<AuthEvent> = AuthEventSchema;
