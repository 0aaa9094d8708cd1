import { entities } from './entities';

/** What {@link isSecretProperty} reads of a property: its name and whether it is `hidden`. */
export interface PropertySecrecy {
  /** The property's name (`passwordHash`). */
  readonly name: string;
  /** `hidden()` in the entity: left out of serialisation. */
  readonly hidden?: boolean;
}

/**
 * Whether a property holds a secret: it is `hidden` (left out of `toObject()`, `toJSON()` and
 * `serialize()`: `User.passwordHash`, the tokens' `tokenHash`), or its name ends in `hash`. Secrets
 * are never written in clear to the audit trail or to a log line.
 * @example isSecretProperty({ name: 'passwordHash', hidden: true }); // true
 */
export function isSecretProperty(prop: PropertySecrecy): boolean {
  return prop.hidden === true || /hash$/i.test(prop.name);
}

/**
 * The names a secret of the entities goes by in an object: each secret property's name
 * (`passwordHash`) and its column's (`PasswordHash`, a raw row or a driver error's detail), sorted.
 * Loggers redact them wherever they appear. Every secret property names its column (`fieldName`),
 * which `secret-fields.test.ts` checks.
 * @example paths: secretFieldNames.map((name) => `*.${name}`)
 */
export const secretFieldNames: readonly string[] = Object.freeze(
  [
    ...new Set(
      entities.flatMap((entity) =>
        Object.entries(entity.meta.properties as Record<string, { hidden?: boolean; fieldName?: string }>)
          .filter(([name, prop]) => isSecretProperty({ name, hidden: prop.hidden }))
          .flatMap(([name, prop]) => (prop.fieldName === undefined ? [name] : [name, prop.fieldName])),
      ),
    ),
  ].sort(),
);
