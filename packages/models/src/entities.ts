import type { EntitySchema } from '@mikro-orm/core';
import { ActivityLog, CompanyAudit, RoleAudit, UserAudit } from './audit';
import { ABRSearch } from './cache';
import { isSoftDeletable } from './columns/audit-columns';
import { AppSetting, ValidationRule } from './config';
import {
  Company,
  CompanyBillingDetails,
  CompanyCustomerDetails,
  CompanyOrganizerDetails,
  User,
  UserCompany,
  UserEmailVerificationToken,
  UserInvitation,
  UserPasswordResetToken,
  UserRefreshToken,
} from './dbo';
import { ApiRequest, ApplicationError, AuthEvent, EmailDelivery } from './log';
import { referenceTables } from './ref/reference-tables';

/** The database schemas the entities live in. */
export type DatabaseSchema = 'ref' | 'dbo' | 'config' | 'audit' | 'log' | 'cache';

/** Every entity, grouped by the database schema its table lives in. */
export const entitiesBySchema: Readonly<Record<DatabaseSchema, readonly EntitySchema[]>> = {
  ref: referenceTables.map(({ entity }) => entity as EntitySchema),
  dbo: [
    User,
    Company,
    UserCompany,
    UserRefreshToken,
    CompanyCustomerDetails,
    CompanyBillingDetails,
    CompanyOrganizerDetails,
    UserInvitation,
    UserEmailVerificationToken,
    UserPasswordResetToken,
  ],
  config: [AppSetting, ValidationRule],
  audit: [ActivityLog, UserAudit, CompanyAudit, RoleAudit],
  log: [ApiRequest, AuthEvent, ApplicationError, EmailDelivery],
  cache: [ABRSearch],
};

/**
 * All 35 entities, for the ORM config's `entities` option (no folder globs).
 * @example MikroORM.init({ ...options, entities })
 */
export const entities: EntitySchema[] = Object.values(entitiesBySchema).flat();

/**
 * The entities with soft-delete columns (`IsDeleted`, `DeletedDate`, `DeletedBy`): every dbo, config and ref
 * table, the ones {@link isSoftDeletable} answers true for. Audit, log and cache rows are never soft-deleted.
 */
export const softDeletableEntities: EntitySchema[] = entities.filter((entity) => isSoftDeletable(entity));
