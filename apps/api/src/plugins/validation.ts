import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Schema, ValidationError, type SchemaDescription, type SchemaObjectDescription } from 'yup';

type JsonType = 'string' | 'number' | 'boolean';
const JSON_TYPES = new Set<string>(['string', 'number', 'boolean']);

interface Problem {
  path: string;
  message: string;
}

/** A refusal with one detail per field, answered by the error handler as a 400. */
function refusal(problems: readonly Problem[]): ValidationError {
  return new ValidationError(problems.map((p) => new ValidationError(p.message, undefined, p.path)));
}

/** The top-level key a problem's path starts with (`name` of `name`, `name.first` and `name[0]`). */
function topLevelKey(path: string): string {
  return /^[^.[]*/.exec(path)?.[0] ?? path;
}

/**
 * What the schema finds wrong with everything but the values refused already, so that the answer
 * still lists every problem of the request at once.
 */
function remainingProblems(schema: Schema, data: unknown, refused: readonly Problem[]): Problem[] {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return [];
  const keys = new Set(refused.map((p) => topLevelKey(p.path)));
  const rest = Object.fromEntries(Object.entries(data).filter(([key]) => !keys.has(key)));
  try {
    schema.validateSync(rest, { abortEarly: false, stripUnknown: false });
    return [];
  } catch (error) {
    if (!(error instanceof ValidationError)) return [];
    const inner = error.inner.length > 0 ? error.inner : [error];
    return inner.filter((e) => !keys.has(topLevelKey(e.path ?? ''))).map((e) => ({ path: e.path ?? '', message: e.message }));
  }
}

/** Field name → JSON type of the scalar fields of an object schema (what a JSON body must send). */
function scalarFields(schema: Schema): Map<string, JsonType> | undefined {
  const description = schema.describe();
  if (description.type !== 'object') return undefined;
  const fields = new Map<string, JsonType>();
  for (const [name, field] of Object.entries((description as SchemaObjectDescription).fields)) {
    const type = (field as SchemaDescription).type;
    if (JSON_TYPES.has(type)) fields.set(name, type as JsonType);
  }
  return fields;
}

/**
 * yup casts on its own (`12345678` becomes the string "12345678", "true" the boolean true) and
 * echoes the refused value in its type message, so a JSON body is type-checked here first: each
 * scalar field must arrive as its own JSON type (null is left to the schema's nullability).
 */
function jsonTypeErrors(fields: Map<string, JsonType>, body: unknown): Problem[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return [{ path: '', message: 'The body must be a JSON object.' }];
  return Object.entries(body).flatMap(([name, value]) => {
    const type = fields.get(name);
    if (type === undefined || value === null || value === undefined || typeof value === type) return [];
    return [{ path: name, message: `${name} must be a ${type}.` }];
  });
}

/**
 * PostgreSQL cannot store U+0000 in text: a string carrying it would reach the database and fail
 * there (as a protocol error that also drops the connection). Walks the request part iteratively,
 * so deeply nested input cannot exhaust the stack.
 */
function nulCharacterErrors(data: unknown): Problem[] {
  const errors: Problem[] = [];
  const stack: { value: unknown; path: string }[] = [{ value: data, path: '' }];
  while (stack.length > 0 && errors.length < 20) {
    const { value, path } = stack.pop() as { value: unknown; path: string };
    if (typeof value === 'string') {
      if (value.includes('\u0000')) errors.push({ path, message: `${path === '' ? 'The value' : path} must not contain the NUL character.` });
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push({ value: item, path: `${path}[${i}]` }));
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) stack.push({ value: item, path: path === '' ? key : `${path}.${key}` });
    }
  }
  return errors;
}

/**
 * A check that accepts, quickly, the common well-formed input of a schema: it answers the value the
 * schema would give, or `undefined` to leave the input to the schema (which then accepts it or gives
 * the usual refusal with its own messages).
 */
export type FastAccept = (data: unknown) => unknown;

const fastAccepts = new WeakMap<Schema, FastAccept>();

/**
 * Gives `schema` a fast path for its common well-formed input (a path parameter of digits): yup's
 * object validation costs about 12 µs a request, more than the rest of a parameter's handling. The
 * check only ever accepts; everything it does not accept goes through the schema as before, so the
 * refusals and their messages are the schema's. It must answer exactly what the schema would (tested
 * against the schema: `test/routes/id-params.test.ts`).
 * @example export const idParams = withFastAccept(object({ id: ... }), (data) => ...);
 */
export function withFastAccept<S extends Schema>(schema: S, accept: FastAccept): S {
  fastAccepts.set(schema, accept);
  return schema;
}

/** The fast path {@link withFastAccept} gave `schema`, if any. */
export function fastAcceptOf(schema: Schema): FastAccept | undefined {
  return fastAccepts.get(schema);
}

/**
 * One validator compiler for every route: request schemas are yup schemas. The compiled validator
 * answers `{ value }` or `{ error }` and never throws, so Fastify hands a failure to the error
 * handler as a 400. Unknown keys are refused by the schemas themselves (`noUnknown`); before yup
 * runs, a JSON body's scalar fields must have their declared JSON type, and no part of the request
 * may carry the NUL character. A schema with a fast path ({@link withFastAccept}) has its well-formed
 * input accepted without yup.
 */
export const validationPlugin = fp(
  (app: FastifyInstance, _options, done) => {
    app.setValidatorCompiler(({ schema, httpPart }) => {
      if (!(schema instanceof Schema)) throw new TypeError('Route request schemas must be yup schemas.');
      const yupSchema = schema;
      const bodyFields = httpPart === 'body' ? scalarFields(yupSchema) : undefined;
      const accept = fastAccepts.get(yupSchema);
      return (data: unknown) => {
        try {
          if (accept !== undefined) {
            const value = accept(data);
            if (value !== undefined) return { value };
          }
          const refused = bodyFields === undefined ? [] : jsonTypeErrors(bodyFields, data);
          refused.push(...nulCharacterErrors(data).filter((p) => !refused.some((r) => r.path === p.path)));
          if (refused.length > 0) return { error: refusal([...refused, ...remainingProblems(yupSchema, data, refused)]) };
          return { value: yupSchema.validateSync(data, { abortEarly: false, stripUnknown: false }) as unknown };
        } catch (error) {
          if (error instanceof ValidationError) return { error };
          return { error: new ValidationError('The request could not be validated.') };
        }
      };
    });
    done();
  },
  { name: 'eventlead-validation', fastify: '5.x' },
);
