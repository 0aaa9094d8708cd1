import { referenceTables, type ReferenceRow } from '@eventlead/models';
import { baseResponse, toJsonSchema } from '@eventlead/schemas';
import type { EntitySchema } from '@mikro-orm/core';
import type { FastifyPluginCallback } from 'fastify';
import fp from 'fastify-plugin';
import { createHash } from 'node:crypto';
import { array, number, object, string } from 'yup';
import { HttpError } from '../errors';
import { errorResponse } from './error-responses';

// The only tables /ref serves: the `ref` tables of @eventlead/models by slug (`user-statuses`) and by its
// camelCase spelling (`userStatuses`). The path is looked up here and never used otherwise.
const TABLE_BY_PATH = new Map<string, EntitySchema<ReferenceRow>>(
  referenceTables.flatMap(({ slug, entity }) => [
    [slug, entity],
    [slug.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase()), entity],
  ]),
);

const refItem = object({
  id: number().integer().required(),
  code: string().required(),
  name: string().required(),
  description: string().nullable().defined(),
  sortOrder: number().integer().required(),
});

const TABLE_SLUGS = referenceTables.map(({ slug }) => slug);
const UNKNOWN_TABLE = `Reference table was not found; the tables are ${TABLE_SLUGS.join(', ')}.`;

// The OpenAPI document lists the tables; the camelCase spellings are accepted too, but not offered.
const refParams = object({
  table: string()
    .max(64)
    .required()
    .meta({ jsonSchema: { enum: TABLE_SLUGS, description: 'The reference table, by its slug (its camelCase spelling, `userStatuses`, is accepted too).' } }),
}).noUnknown();

const REF_FIELDS = ['id', 'code', 'name', 'description', 'sortOrder'] as const;

/** `Cache-Control` of /ref answers: reference data changes rarely and is the same for everyone. */
export const REF_CACHE_CONTROL = 'public, max-age=300';

// If-None-Match uses the weak comparison (RFC 9110 §13.1.2): `W/` prefixes are ignored.
function matchesETag(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === etag;
  });
}

/**
 * `GET /ref/:table`: the active rows of one reference table ordered by sort order, then name, public
 * and cacheable (`Cache-Control`, strong `ETag`, `304` on a matching `If-None-Match`). Unknown
 * tables are a 404 whose message lists the tables.
 */
const registerRefRoutes: FastifyPluginCallback = (app, _options, done) => {
  app.get<{ Params: { table: string } }>(
    '/ref/:table',
    {
      schema: {
        tags: ['ref'],
        summary: 'Active rows of a reference table',
        params: refParams,
        response: {
          200: toJsonSchema(baseResponse(array(refItem.required()).required())),
          304: { description: 'Not modified: the cached copy is current.', type: 'null' },
          400: errorResponse,
          404: errorResponse,
        },
      },
    },
    async (request, reply) => {
      const entity = TABLE_BY_PATH.get(request.params.table);
      if (entity === undefined) throw new HttpError(404, 'NOT_FOUND', UNKNOWN_TABLE);
      const rows = await request.em.find(
        entity,
        { isActive: true },
        { fields: [...REF_FIELDS], orderBy: { sortOrder: 'asc', name: 'asc', id: 'asc' } },
      );
      const body = {
        success: true,
        message: 'ok',
        data: rows.map((r) => ({ id: r.id, code: r.code, name: r.name, description: r.description ?? null, sortOrder: r.sortOrder })),
      };
      const etag = `"${createHash('sha256').update(JSON.stringify(body)).digest('base64url')}"`;
      void reply.header('cache-control', REF_CACHE_CONTROL).header('etag', etag);
      if (matchesETag(request.headers['if-none-match'], etag)) {
        return reply.code(304).send();
      }
      return body;
    },
  );
  done();
};

/**
 * {@link registerRefRoutes}, named: fastify looks an unnamed plugin's name up in the module cache, key by key, on
 * every registration. Encapsulated, as a plain plugin is.
 */
export const refRoutes = fp(registerRefRoutes, { name: 'eventlead-ref-routes', fastify: '5.x', encapsulate: true });
