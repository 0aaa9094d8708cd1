import type { EntityManager } from '@mikro-orm/core';
import { User } from '@eventlead/models';
import { DatabaseError } from '../errors';

/**
 * Email of the platform operator account the seed creates: the identity the admin API token acts as,
 * so CreatedBy/UpdatedBy/ChangedBy name someone real for changes made through it.
 */
export const SYSTEM_ACTOR_EMAIL = 'admin@eventlead.local';

/**
 * The operator account's `PasswordHash`. bcrypt hashes start with `$2`; no password hashes to `!…`,
 * so nobody can sign in as this account, whatever they type.
 */
export const DISABLED_PASSWORD_HASH = '!disabled';

/** The operator account is missing: the reference seed has not run on this database (HTTP 500). */
export class SystemActorMissingError extends DatabaseError {
  /** A stable machine-readable code for logs and API error bodies. */
  readonly code = 'DB_SYSTEM_ACTOR_MISSING';
  /** The HTTP status to answer with: a deployment fault, not the caller's. */
  readonly statusCode = 500;

  constructor() {
    super(`The platform operator account ${SYSTEM_ACTOR_EMAIL} does not exist: run the reference seed (pnpm db:seed).`);
  }
}

/**
 * The `UserID` of the platform operator account ({@link SYSTEM_ACTOR_EMAIL}), for `setActor` when the
 * admin API token is used. Soft-deleted means gone.
 * @throws {SystemActorMissingError} when the seed has not run
 * @example
 * setActor(em, await findSystemActorId(em));
 */
export async function findSystemActorId(em: EntityManager): Promise<number> {
  const user = await em.fork().findOne(User, { email: SYSTEM_ACTOR_EMAIL }, { fields: ['id'] });
  if (!user) {
    throw new SystemActorMissingError();
  }
  return user.id;
}
