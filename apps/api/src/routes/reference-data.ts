import type { ReferenceRow } from '@eventlead/models';
import type { EntityManager, EntityName } from '@mikro-orm/core';
import { fieldError } from '../errors';

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

/**
 * The 400 for a code that names no active row of a reference table, listing the codes that do (in
 * their display order), so the caller can correct it: the codes are case-sensitive (`admin`, not
 * `ADMIN`). Read on the refusal path only.
 * @example throw await unknownRefCode(tx, UserCompanyRole, 'role', 'company role');
 */
export async function unknownRefCode<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  field: string,
  what: string,
): Promise<ReturnType<typeof fieldError>> {
  const rows = await em.find(entity as EntityName<ReferenceRow>, { isActive: true }, { fields: ['code'], orderBy: { sortOrder: 'asc', code: 'asc' } });
  const known = rows.map((row) => row.code);
  return fieldError(field, known.length === 0 ? `${field} is not a known ${what}.` : `${field} is not a known ${what}; the known ones are ${known.join(', ')}.`);
}
