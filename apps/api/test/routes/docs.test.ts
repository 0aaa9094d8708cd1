import type { HTTPMethods } from 'fastify';
import { describeApp } from '../app-harness';

interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, unknown>>;
}

/** The API's public contract: every route here must be served and documented. */
const ROUTES: [HTTPMethods, string][] = [
  ['GET', '/health'],
  ['GET', '/health/ready'],
  ['GET', '/ref/:table'],
  ['GET', '/users'],
  ['POST', '/users'],
  ['GET', '/users/:id'],
  ['PATCH', '/users/:id'],
  ['DELETE', '/users/:id'],
  ['GET', '/companies'],
  ['POST', '/companies'],
  ['GET', '/companies/:id'],
  ['PATCH', '/companies/:id'],
  ['DELETE', '/companies/:id'],
  ['POST', '/companies/:id/users'],
];

describeApp('OpenAPI document', (get) => {
  test('/docs/json is a valid OpenAPI 3 document', async () => {
    const res = await get().app.inject({ method: 'GET', url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json<OpenApiDocument>();
    expect(doc.openapi).toMatch(/^3\./);
    // ESM-only package: loaded with import() from this CommonJS test.
    const { Validator } = await import('@seriousme/openapi-schema-validator');
    const result = await new Validator().validate(doc as unknown as Record<string, unknown>);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
  });

  test.each(ROUTES)('%s %s is served and documented', async (method, url) => {
    const { app } = get();
    expect(app.hasRoute({ method, url })).toBe(true);
    const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json<OpenApiDocument>();
    const openApiPath = url.replace(/:(\w+)/g, '{$1}');
    expect(Object.keys(doc.paths[openApiPath] ?? {})).toContain(method.toLowerCase());
  });

  test('/docs serves the UI', async () => {
    const res = await get().app.inject({ method: 'GET', url: '/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
  });
});
