import { defineEntity, type EntitySchema, type InferEntity } from '@mikro-orm/core';
import { auditProperties } from '../columns/audit-columns';
import { referenceChecks, referenceProperties } from '../columns/reference-columns';

const UserInvitationStatusSchema = defineEntity({
  name: 'UserInvitationStatus',
  schema: 'ref',
  tableName: 'UserInvitationStatus',
  properties: { ...referenceProperties('UserInvitationStatus'), ...auditProperties() },
  checks: referenceChecks('UserInvitationStatus'),
});

/** A `ref.UserInvitationStatus` row, typed from its definition. */
export interface UserInvitationStatus extends InferEntity<typeof UserInvitationStatusSchema> {}

/**
 * `ref.UserInvitationStatus`: lifecycle states of an invitation (Pending, Accepted, Declined, Expired,
 * Revoked). Referenced by `dbo.UserInvitation.UserInvitationStatusID`. Shared reference shape
 * (`UserInvitationStatusID`, unique `Code`, `Name`, `Description`, `SortOrder`, `IsActive`, audit columns);
 * soft-deletable.
 */
export const UserInvitationStatus: EntitySchema<UserInvitationStatus> = UserInvitationStatusSchema;
