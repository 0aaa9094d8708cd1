import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { toJsonSchema } from '@eventlead/schemas';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { type AnySchema, ObjectSchema, Schema } from 'yup';

type RouteSchema = Record<string, unknown>;

const isYupSchema = (value: unknown): value is AnySchema => value instanceof Schema;

/**
 * A query string schema without fields (the validation plugin's, on routes that accept no query
 * parameter): it has no parameters to document, and @fastify/swagger would read the keywords of a
 * schema without `properties` as parameters.
 */
const acceptsNoParameters = (key: string, value: unknown): boolean =>
  key === 'querystring' && value instanceof ObjectSchema && Object.keys(value.fields).length === 0;

/** Request schemas are yup; the OpenAPI document needs JSON Schema, so convert them on the way out. */
function toOpenApiSchema(schema: RouteSchema): RouteSchema {
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([key, value]) => !acceptsNoParameters(key, value))
      .map(([key, value]) => [key, isYupSchema(value) ? toJsonSchema(value) : value]),
  );
}

const DOCS_PREFIX = '/docs';

/** Where Swagger UI's index page loads its initializer from (`<script src>`). */
const DOCS_INITIALIZER_URL = `${DOCS_PREFIX}/static/swagger-initializer.js`;

/**
 * Content-Security-Policy of the `/docs` pages. Swagger UI's page has no inline script or style, so
 * scripts and styles come from the API's own origin only: no `'unsafe-inline'`, no `'unsafe-eval'`,
 * no hashes to keep in step with the bundle. `data:` images are the UI's own icons. "Try it out"
 * calls this origin (`connect-src`).
 */
const DOCS_CSP: Readonly<Record<string, string>> = {
  'default-src': "'none'",
  'base-uri': "'none'",
  'connect-src': "'self'",
  'form-action': "'self'",
  'frame-ancestors': "'self'",
  'img-src': "'self' data:",
  'script-src': "'self'",
  'style-src': "'self'",
};

/**
 * The script that starts Swagger UI, with the OpenAPI document embedded (`spec`) rather than fetched
 * (`url`): the UI renders while the script runs, before the load event, so a screenshot, a print or a
 * crawler that waits for the page to load sees the routes instead of a loading spinner. It runs at the
 * end of `<body>`, after the bundle, so the container and `SwaggerUIBundle` are there.
 * `BaseLayout`: no top bar whose "Explore" box would load a document from another address.
 */
function swaggerInitializer(document: unknown): string {
  return `"use strict";
window.ui = SwaggerUIBundle({
  spec: ${JSON.stringify(document)},
  dom_id: "#swagger-ui",
  deepLinking: true,
  presets: [SwaggerUIBundle.presets.apis],
  layout: "BaseLayout",
  validatorUrl: null
});
`;
}

/** OpenAPI 3 document generated from the route schemas: UI at `/docs`, JSON at `/docs/json`. */
export const openApiPlugin = fp(
  async (app: FastifyInstance) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.0.3',
        info: {
          title: 'EventLead Platform API',
          description:
            'Reference data, users and companies of the EventLead Platform. Request bodies are JSON encoded as UTF-8, sent with `Content-Type: application/json`. A trailing slash is ignored: `/users/` is `/users`. `OPTIONS` on a path answers 204 with the methods it takes in `Allow`.',
          version: '0.1.0',
        },
        components: {
          securitySchemes: {
            adminToken: {
              type: 'http',
              scheme: 'bearer',
              description:
                'The admin token for the /users and /companies routes. Development: `pnpm start` on the embedded database writes one to `.data/dev-admin-token` in the repository (paste the file\'s content here). Production: the server holds only its SHA-256 digest in `ADMIN_TOKEN_SHA256`; the token itself is in your secret store.',
            },
          },
        },
      },
      transform: ({ schema, url }) => ({
        schema: (schema as RouteSchema | undefined) === undefined ? schema : (toOpenApiSchema(schema as RouteSchema) as typeof schema),
        url,
      }),
    });
    // The UI's pages are HTML: they get the document security headers (security plugin) and a CSP of
    // their own. Swagger UI's initializer fetches `/docs/json` after the load event and shows a spinner
    // until it arrives; ours carries the document, so the routes are on the page when it has loaded.
    // @fastify/swagger-ui writes its initializer when it is registered, before the routes exist, and
    // has no option to embed the document, so the route keeps its address and gets our handler.
    let initializer: string | undefined;
    // Named (and encapsulated, as a plain plugin is): fastify looks an unnamed plugin's name up in the
    // module cache, key by key, on every registration.
    const docsPages = async (docs: FastifyInstance): Promise<void> => {
      docs.addHook('onRoute', (route) => {
        route.config = { ...route.config, securityHeaders: 'document' };
        if (route.url === DOCS_INITIALIZER_URL) {
          // Built on the first request: the document is complete only once every route is registered.
          route.handler = (_request, reply) => {
            initializer ??= swaggerInitializer(app.swagger());
            void reply.type('application/javascript; charset=utf-8').send(initializer);
          };
        }
      });
      await docs.register(swaggerUi, { routePrefix: DOCS_PREFIX, staticCSP: DOCS_CSP });
    };
    await app.register(fp(docsPages, { name: 'eventlead-docs-pages', encapsulate: true }));
  },
  { name: 'eventlead-openapi', fastify: '5.x' },
);
