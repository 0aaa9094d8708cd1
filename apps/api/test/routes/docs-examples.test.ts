import { adminAuth, describeApp } from '../app-harness';

interface Parameter {
  name: string;
  in: string;
  schema?: { examples?: unknown[]; example?: unknown };
  examples?: Record<string, { value: unknown }>;
  example?: unknown;
}
interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: Parameter[] }>>;
  components: { securitySchemes: Record<string, { description?: string }> };
}

/** The value `/docs` "Try it out" fills a parameter with: the first example, wherever it is declared. */
function exampleOf(parameter: Parameter): unknown {
  return parameter.example ?? Object.values(parameter.examples ?? {})[0]?.value ?? parameter.schema?.example ?? parameter.schema?.examples?.[0];
}

// A database as `pnpm start` leaves it: migrated and seeded, nothing else.
describeApp(
  '/docs on a freshly seeded database',
  (get) => {
    test('every query example of GET /users, sent as "Try it out" sends it, finds data', async () => {
      const doc = (await get().app.inject({ method: 'GET', url: '/docs/json' })).json<OpenApiDocument>();
      const filters = (doc.paths['/users']?.get?.parameters ?? []).filter((p) => p.in === 'query' && exampleOf(p) !== undefined);
      expect(filters.map((p) => p.name)).toContain('email');
      for (const parameter of filters) {
        const query = new URLSearchParams({ [parameter.name]: String(exampleOf(parameter)) });
        const res = await get().app.inject({ method: 'GET', url: `/users?${query.toString()}`, headers: adminAuth });
        expect([parameter.name, res.statusCode]).toEqual([parameter.name, 200]);
        expect([parameter.name, res.json<{ data: { items: unknown[] } }>().data.items.length]).toEqual([parameter.name, 1]);
      }
    });

    test('the authorize dialog says where the development token is and what production configures', async () => {
      const doc = (await get().app.inject({ method: 'GET', url: '/docs/json' })).json<OpenApiDocument>();
      const description = doc.components.securitySchemes.adminToken?.description ?? '';
      expect(description).toContain('.data/dev-admin-token');
      expect(description).toContain('ADMIN_TOKEN_SHA256');
    });
  },
  { database: { seed: true, resetAfterEach: false } },
);
