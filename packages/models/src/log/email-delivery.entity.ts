import { defineEntity, p, type EntitySchema, type InferEntity } from '@mikro-orm/core';
import { createdDateProperty } from '../columns/audit-columns';
import { checks } from '../naming/check-constraint';
import { solomonName } from '../naming/solomon-name';

const table = 'EmailDelivery';

const EmailDeliverySchema = defineEntity({
  name: 'EmailDelivery',
  schema: 'log',
  tableName: table,
  properties: {
    id: p.bigint('number').primary().autoincrement().fieldName('EmailDeliveryID'),
    recipientEmail: p
      .string()
      .length(255)
      .fieldName('RecipientEmail')
      .index(solomonName.index(table, 'RecipientEmail')),
    templateName: p.string().length(100).fieldName('TemplateName'),
    subject: p.string().length(500).fieldName('Subject'),
    status: p.string().length(20).fieldName('Status').default('queued'),
    providerMessageId: p
      .string()
      .length(200)
      .fieldName('ProviderMessageID')
      .nullable()
      .index(solomonName.index(table, 'ProviderMessageID')),
    errorMessage: p.text().fieldName('ErrorMessage').nullable(),
    attemptNumber: p.integer().fieldName('AttemptNumber').default(1),
    sentDate: p.datetime().fieldName('SentDate').nullable(),
    userId: p.bigint('number').fieldName('UserID').nullable().index(solomonName.index(table, 'UserID')),
    requestId: p.string().length(64).fieldName('RequestID').nullable(),
    createdDate: createdDateProperty().index(solomonName.index(table, 'CreatedDate')),
  },
  checks: [checks.atLeast(table, 'AttemptNumber', 1)],
});

/** A `log.EmailDelivery` row, typed from its definition. */
export interface EmailDelivery extends InferEntity<typeof EmailDeliverySchema> {}

/**
 * `log.EmailDelivery`: the delivery history of the emails the platform sends, one row per event:
 * `RecipientEmail`, `TemplateName`, `Subject`, `Status` (`queued`, `sent`, `delivered`, `bounced`, `failed`),
 * the provider's id for the message (`ProviderMessageID`, indexed to match delivery webhooks), `ErrorMessage`
 * when it failed, `AttemptNumber` (1 for the first try) and `SentDate`. `UserID` and `RequestID` link it to
 * who and what triggered it.
 *
 * Append-only like every log table: a retry or a provider callback adds a row rather than updating one, so
 * the newest row for a `ProviderMessageID` is the current state and the history is kept. The body is not
 * stored (it may hold a token). `UserID` is a plain indexed column, not a foreign key. `CreatedDate` only, no
 * update or soft-delete columns.
 */
export const EmailDelivery: EntitySchema<EmailDelivery> = EmailDeliverySchema;
