import { convertSchema } from '@sodaru/yup-to-json-schema';
import type { JSONSchema7, JSONSchema7Definition, JSONSchema7TypeName } from 'json-schema';
import type { AnySchema, SchemaDescription, SchemaFieldDescription } from 'yup';

/** Values that `lazy()` and `when()` schemas are resolved against, as for yup's `describe()`. */
export interface ToJsonSchemaOptions {
  /** The value being described, for schemas whose shape depends on it. */
  readonly value?: unknown;
  /** The parent object of the value, for `when()` conditions on sibling fields. */
  readonly parent?: unknown;
  /** The validation context, for `when()` conditions on `$`-prefixed context keys. */
  readonly context?: unknown;
}

/**
 * Converts a yup schema to a draft-07 JSON Schema for Fastify route schemas and the OpenAPI
 * document. Built on `@sodaru/yup-to-json-schema`, with its gaps closed: nullable dates, tuples and
 * mixed values keep `null`; enums of nullable fields include `null`; `mixed()` becomes "any value"
 * instead of the invalid `type: []`; objects drop the default yup assembles for every shape;
 * `noUnknown()` becomes `additionalProperties: false`; a required string gets `minLength: 1` (yup
 * refuses '' there). The field schemas of this package carry their `pattern`/`format` and
 * examples. No `$schema` keyword is added, since OpenAPI documents do not allow it inside schemas.
 * @example
 * const schema = { querystring: toJsonSchema(query), response: { 200: toJsonSchema(usersPage) } };
 * fastify.get('/users', { schema }, handler);
 */
export function toJsonSchema(schema: AnySchema, options: ToJsonSchemaOptions = {}): JSONSchema7 {
  // Both calls describe the schema with the same options, so lazy schemas resolve the same way
  // and the two trees line up node by node.
  const json = convertSchema(schema, options);
  return repair(json, schema.describe(options));
}

function repair(json: JSONSchema7, description: SchemaFieldDescription): JSONSchema7 {
  if (!isFullDescription(description)) return json;
  repairType(json, description);
  if (description.nullable && Array.isArray(json.enum) && !json.enum.includes(null)) {
    json.enum = [...json.enum, null];
  }

  const testNames = new Set(description.tests.map((test) => test.name));
  switch (description.type) {
    case 'object':
      repairObject(json, description, testNames);
      break;
    case 'array':
    case 'tuple':
      repairItems(json, description);
      break;
    case 'string':
      if (testNames.has('required') && json.minLength === undefined) json.minLength = 1;
      if (testNames.has('datetime') && json.format === undefined) json.format = 'date-time';
      break;
    default:
      break;
  }
  // Whatever the schema's author set explicitly through meta({ jsonSchema }) has the last word.
  return Object.assign(json, metaJsonSchema(description));
}

function repairType(json: JSONSchema7, description: SchemaDescription): void {
  const declared = json.type === undefined ? [] : [json.type].flat();
  // `mixed` and unresolved `lazy` are yup type names, not JSON ones; 'null' is re-added below.
  const types = declared.filter(
    (type) => type !== 'null' && (type as string) !== 'mixed' && (type as string) !== 'lazy',
  );
  if (types.length === 0) {
    // No type constraint at all: any value, null included.
    delete json.type;
    return;
  }
  const all: JSONSchema7TypeName[] = description.nullable ? [...types, 'null'] : types;
  json.type = all.length === 1 ? all[0] : all;
}

function repairObject(
  json: JSONSchema7,
  description: SchemaDescription,
  testNames: Set<string | undefined>,
): void {
  // yup reports a default for every object shape, assembled from its fields' defaults, which the
  // properties already carry. An object-level default can still be set through meta({ jsonSchema }).
  delete json.default;
  if (testNames.has('noUnknown')) json.additionalProperties = false;
  const fields =
    'fields' in description ? (description.fields as Record<string, SchemaFieldDescription>) : {};
  for (const [name, property] of Object.entries(json.properties ?? {})) {
    const field = fields[name];
    if (field && typeof property === 'object') repair(property, field);
  }
}

function repairItems(json: JSONSchema7, description: SchemaDescription): void {
  const inner =
    'innerType' in description
      ? (description.innerType as SchemaFieldDescription | SchemaFieldDescription[] | undefined)
      : undefined;
  if (inner === undefined || json.items === undefined) return;
  if (Array.isArray(json.items) && Array.isArray(inner)) {
    json.items.forEach((item, index) => {
      const field = inner[index];
      if (field) repairDefinition(item, field);
    });
  } else if (!Array.isArray(json.items) && !Array.isArray(inner)) {
    repairDefinition(json.items, inner);
  }
}

function repairDefinition(
  definition: JSONSchema7Definition,
  description: SchemaFieldDescription,
): void {
  if (typeof definition === 'object') repair(definition, description);
}

function metaJsonSchema(description: SchemaDescription): JSONSchema7 {
  const meta: unknown = description.meta;
  if (!isRecord(meta)) return {};
  const jsonSchema = meta.jsonSchema;
  return isRecord(jsonSchema) ? jsonSchema : {};
}

function isFullDescription(description: SchemaFieldDescription): description is SchemaDescription {
  return 'tests' in description && 'nullable' in description;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
