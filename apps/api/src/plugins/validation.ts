import type { FastifyInstance, RouteOptions } from 'fastify';
import { parse as parseQuery } from 'fast-querystring';
import { textProblem } from '@eventlead/schemas';
import fp from 'fastify-plugin';
import { object, ObjectSchema, Schema, ValidationError, type SchemaDescription, type SchemaObjectDescription } from 'yup';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * `true` for a route that declares no query parameters yet must tolerate any (the health probes):
     * without it such a route refuses every query parameter with a 400 (see {@link validationPlugin}).
     */
    acceptsAnyQuery?: boolean;
  }
}

type JsonType = 'string' | 'number' | 'boolean';
const JSON_TYPES = new Set<string>(['string', 'number', 'boolean']);

/** One field's problem: its path as the error details name it, and a sentence naming it. */
export interface Problem {
  /** The field as yup writes paths (`email`, `items[0].name`; `''` for the value as a whole). */
  readonly path: string;
  /** A sentence naming the field, or `''` for one only counted (see {@link refusal}). */
  readonly message: string;
}

/**
 * The most details one refusal lists: a body of a megabyte can hold a hundred thousand unknown keys,
 * and an answer with a detail for each would be tens of megabytes built on the event loop.
 */
export const MAX_PROBLEMS = 20;

/**
 * A refusal with one detail per field, answered by the error handler as a 400; beyond
 * {@link MAX_PROBLEMS} details, one last detail says how many more there are.
 * @example throw refusal([{ path: 'email', message: 'email appears more than once in the body: send each field once.' }]);
 */
export function refusal(problems: readonly Problem[]): ValidationError {
  const shown = problems.length > MAX_PROBLEMS ? [...problems.slice(0, MAX_PROBLEMS), { path: '', message: `…and ${problems.length - MAX_PROBLEMS} more problems with this request: fix these and send it again.` }] : problems;
  return new ValidationError(shown.map((p) => new ValidationError(p.message, undefined, p.path)));
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
 * The text rules of @eventlead/schemas ({@link textProblem}: no NUL character, well-formed Unicode,
 * no control character but tab/LF/CR, no line or paragraph separator, no bidirectional text control,
 * no invisible character, no zero-width joiner out of place) on every string of a request part: a
 * NUL would fail in PostgreSQL (as a protocol error that also drops the connection), a lone
 * surrogate would be stored as U+FFFD. Walks the request part iteratively, so deeply nested input
 * cannot exhaust the stack.
 */
function textErrors(data: unknown): Problem[] {
  const errors: Problem[] = [];
  const stack: { value: unknown; path: string }[] = [{ value: data, path: '' }];
  while (stack.length > 0 && errors.length < 20) {
    const { value, path } = stack.pop() as { value: unknown; path: string };
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem !== undefined) errors.push({ path, message: `${path === '' ? 'The value' : path} ${problem}` });
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push({ value: item, path: `${path}[${i}]` }));
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) stack.push({ value: item, path: path === '' ? key : `${path}.${key}` });
    }
  }
  return errors;
}

// The parameters of a query string whose percent-encoding is malformed, kept on the parsed query.
const MALFORMED = Symbol('eventlead.malformedQueryParameters');

/** The names of the parameters whose raw text in `query` is not valid percent-encoded UTF-8. */
function malformedParameters(query: string): string[] {
  const names: string[] = [];
  for (const pair of query.split('&')) {
    if (!pair.includes('%')) continue;
    try {
      decodeURIComponent(pair);
    } catch {
      const eq = pair.indexOf('=');
      const rawName = eq < 0 ? pair : pair.slice(0, eq);
      names.push(Object.keys(parseQuery(rawName))[0] ?? rawName);
    }
  }
  return names;
}

/**
 * The app's query string parser (fastify's own, `fast-querystring`), which also notes the parameters
 * whose percent-encoding is malformed (`%ZZ`, `%FF`, a lone surrogate as `%ED%A0%80`): the parser
 * keeps their raw text, which the query's validator then refuses with a 400 naming the parameter,
 * as the router refuses such a path. Only a query string with a `%` is looked at twice.
 */
export function parseQuerystring(query: string): Record<string, unknown> {
  if (query.length === 0) return {};
  const parsed = parseQuery(query) as Record<string, unknown>;
  if (query.includes('%')) {
    const malformed = malformedParameters(query);
    if (malformed.length > 0) Object.defineProperty(parsed, MALFORMED, { value: malformed });
  }
  return parsed;
}

/** What {@link parseQuerystring} found malformed in a parsed query. */
function malformedQueryErrors(query: unknown): Problem[] {
  if (typeof query !== 'object' || query === null) return [];
  const names = (query as { [MALFORMED]?: string[] })[MALFORMED] ?? [];
  return names.map((name) => ({ path: name, message: `${name} is not valid percent-encoding: % must be followed by two hexadecimal digits that together spell UTF-8.` }));
}

const refusedFieldReasons = new WeakMap<Schema, Readonly<Record<string, string>>>();

/**
 * Gives an object schema the reasons some fields it does not accept are refused for (`email` on
 * `PATCH /users/:id`: "email cannot be changed: ..."), said instead of the usual "is not accepted".
 * @example export const updateUserBody = withRefusedFields(object({ ... }).noUnknown(), { email: 'email cannot be changed.' });
 */
export function withRefusedFields<S extends Schema>(schema: S, reasons: Readonly<Record<string, string>>): S {
  refusedFieldReasons.set(schema, reasons);
  return schema;
}

/**
 * The keys of a request part that its object schema does not accept (it has `noUnknown`): one problem
 * each, named as the field, saying which ones are accepted. yup's own `noUnknown` refusal names the
 * part as a whole ('') and says "field has unspecified keys".
 */
function unknownKeyErrors(schema: Schema, httpPart: string | undefined, data: unknown): Problem[] {
  if (!(schema instanceof ObjectSchema) || schema.spec.noUnknown !== true) return [];
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return [];
  const fields = schema.fields as Record<string, unknown>;
  const unknown = Object.keys(data).filter((key) => !Object.hasOwn(fields, key));
  if (unknown.length === 0) return [];
  const reasons = refusedFieldReasons.get(schema) ?? {};
  const names = Object.keys(fields);
  const kind = httpPart === 'body' ? 'fields' : 'parameters';
  const accepted = names.length === 0 ? `no ${kind} are accepted here` : `the ${kind} accepted are ${names.join(', ')}`;
  // Messages only for the keys a refusal can show; the rest are counted (see `refusal`). A key such
  // as `constructor` or `toString` must not find the reasons object's inherited properties.
  const problems = unknown.slice(0, MAX_PROBLEMS + 1).map((key) => ({ path: key, message: (Object.hasOwn(reasons, key) ? reasons[key] : undefined) ?? `${key} is not accepted; ${accepted}.` }));
  for (const key of unknown.slice(MAX_PROBLEMS + 1)) problems.push({ path: key, message: '' });
  return problems;
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
 * The query string schema of an API route that declares none: no parameter is accepted, so
 * `?x=1` and `?x=%ZZ` get the same 400 naming the parameter as on the list routes, instead of being
 * silently ignored. Its common input, no query at all, is accepted without yup.
 */
const NO_QUERY = withFastAccept(object({}).noUnknown(), (data) =>
  typeof data === 'object' && data !== null && Object.keys(data).length === 0 ? data : undefined,
);

/**
 * Whether a route without a query string schema of its own refuses every query parameter: every
 * route with a schema (the API's routes, all in the OpenAPI document), except
 * - the pages of the API reference (`schema.hide`, Swagger UI's `/docs` routes): the UI and a
 *   browser add their own parameters, and the pages are not API routes;
 * - the routes that say they accept any query (`config.acceptsAnyQuery`): the health probes, which
 *   load balancers, orchestrators and uptime monitors call with whatever query they are configured
 *   with (cache busters such as `?_=<time>`); a 400 there would take a healthy replica out of service.
 */
function refusesAnyQuery(route: RouteOptions): boolean {
  const schema = route.schema as { querystring?: unknown; hide?: unknown } | undefined;
  if (schema === undefined || schema.querystring !== undefined || schema.hide === true) return false;
  return route.config?.acceptsAnyQuery !== true;
}

/**
 * One validator compiler for every route: request schemas are yup schemas. The compiled validator
 * answers `{ value }` or `{ error }` and never throws, so Fastify hands a failure to the error
 * handler as a 400. Unknown keys are refused by the schemas themselves (`noUnknown`), one detail per
 * key naming it ({@link withRefusedFields} for a reason of its own); before yup runs, a JSON body's scalar fields must have their declared JSON type, no part of the request may
 * carry the NUL character, a lone surrogate or a control character ({@link textProblem}), and a query string's
 * percent-encoding must be well-formed ({@link parseQuerystring}). A schema with a fast path ({@link withFastAccept}) has its well-formed
 * input accepted without yup. A route with a schema but no query string schema accepts no query
 * parameter at all ({@link refusesAnyQuery} says which routes are spared), decided here once rather
 * than by each route.
 */
export const validationPlugin = fp(
  (app: FastifyInstance, _options, done) => {
    app.addHook('onRoute', (route) => {
      if (refusesAnyQuery(route)) route.schema = { ...route.schema, querystring: NO_QUERY };
    });
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
          if (httpPart === 'querystring') refused.push(...malformedQueryErrors(data));
          for (const problems of [unknownKeyErrors(yupSchema, httpPart, data), textErrors(data)]) {
            // A loop, not push(...): a body may hold more unknown keys than a call takes arguments.
            const seen = new Set(refused.map((r) => r.path));
            for (const problem of problems) if (!seen.has(problem.path)) refused.push(problem);
          }
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
