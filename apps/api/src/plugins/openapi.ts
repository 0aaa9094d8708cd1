import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { toJsonSchema } from '@eventlead/schemas';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { type AnySchema, Schema } from 'yup';

type RouteSchema = Record<string, unknown>;

const isYupSchema = (value: unknown): value is AnySchema => value instanceof Schema;

/** Request schemas are yup; the OpenAPI document needs JSON Schema, so convert them on the way out. */
function toOpenApiSchema(schema: RouteSchema): RouteSchema {
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [key, isYupSchema(value) ? toJsonSchema(value) : value]),
  );
}

/** OpenAPI 3 document generated from the route schemas: UI at `/docs`, JSON at `/docs/json`. */
export const openApiPlugin = fp(
  async (app: FastifyInstance) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.0.3',
        info: {
          title: 'EventLead Platform API',
          description: 'Reference data, users and companies of the EventLead Platform.',
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
    // The UI's pages are HTML: they get the document security headers (security plugin).
    await app.register(async (docs) => {
      docs.addHook('onRoute', (route) => {
        route.config = { ...route.config, securityHeaders: 'document' };
      });
      await docs.register(swaggerUi, { routePrefix: '/docs' });
    });
  },
  { name: 'eventlead-openapi', fastify: '5.x' },
);
