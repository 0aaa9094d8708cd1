import type { ReferenceRow } from '@eventlead/models';
import type { EntityManager, EntityName } from '@mikro-orm/core';

/** Looks up an active ref row by its code; undefined when there is none. */
export async function findRefByCode<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  code: string,
): Promise<T | undefined> {
  const row = await em.findOne(entity as EntityName<ReferenceRow>, { code, isActive: true });
  return (row ?? undefined) as T | undefined;
}

/**
 * Looks up a ref row the server itself relies on (the default status of a new user): its absence is a
 * deployment fault (reference data not seeded), so it is a 500, not the client's problem.
 */
export async function requireRefByCode<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  code: string,
): Promise<T> {
  const row = await findRefByCode(em, entity, code);
  if (row === undefined) throw new Error(`Reference data is missing: no active row with code ${code}.`);
  return row;
}
