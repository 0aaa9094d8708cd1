import { referenceTables } from '@eventlead/models';
import { runInNewContext } from 'node:vm';
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

  test('/ref/{table} documents the reference tables as an enum', async () => {
    const doc = (await get().app.inject({ method: 'GET', url: '/docs/json' })).json<OpenApiDocument>();
    const { parameters } = doc.paths['/ref/{table}']?.get as { parameters: { name: string; in: string; schema: { enum?: string[] } }[] };
    const table = parameters.find((p) => p.name === 'table' && p.in === 'path');
    expect(table?.schema.enum).toEqual(referenceTables.map((t) => t.slug));
    expect(table?.schema.enum).toContain('user-statuses');
  });

  test.each(ROUTES)('%s %s is served and documented', async (method, url) => {
    const { app } = get();
    expect(app.hasRoute({ method, url })).toBe(true);
    const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json<OpenApiDocument>();
    const openApiPath = url.replace(/:(\w+)/g, '{$1}');
    expect(Object.keys(doc.paths[openApiPath] ?? {})).toContain(method.toLowerCase());
  });

  test('no documented path ends with a slash, and each is routed with one too (a trailing slash is ignored, as the document says)', async () => {
    const { app } = get();
    const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json<OpenApiDocument & { info: { description: string } }>();
    expect(doc.info.description).toContain('A trailing slash is ignored: `/users/` is `/users`.');
    expect(Object.keys(doc.paths).filter((path) => path.endsWith('/'))).toEqual([]);
    for (const [method, url] of ROUTES) {
      const concrete = url.replace(':table', 'countries').replace(/:\w+/g, '1');
      // Typed as always found; a path the router does not have is null. Without the option, `/users/`
      // was found as `/users/:id` with an empty id, and `/users/1/` not at all.
      const params = (path: string): unknown => (app.findRoute({ method, url: path }) as { params: unknown } | null)?.params ?? null;
      expect({ method, url, params: params(`${concrete}/`) }).toEqual({ method, url, params: params(concrete) });
      expect(params(concrete)).not.toBeNull();
    }
  });

  test('/docs serves the UI', async () => {
    const res = await get().app.inject({ method: 'GET', url: '/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
  });

  // A browser's view of the page without a browser: what it loads, what the CSP lets it run, and what
  // the UI is started with. Headless screenshots are taken at the load event, so the routes must be on
  // the page by then: the document has to come with the scripts, not from a fetch started afterwards.
  describe.each(['/docs', '/docs/'])('%s in a browser', (page) => {
    const origin = 'http://localhost';

    async function load(url: string) {
      const res = await get().app.inject({ method: 'GET', url });
      expect([url, res.statusCode]).toEqual([url, 200]);
      return res;
    }

    /** The page's `<script>` elements: each one's `src` (resolved like a browser does) or inline body. */
    async function scriptsOf() {
      const html = (await load(page)).body;
      return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].map(([, attributes = '', body = '']) => {
        const src = /\bsrc="([^"]*)"/i.exec(attributes)?.[1];
        return { src: src === undefined ? undefined : new URL(src, origin + page), inline: body.trim() };
      });
    }

    test('the CSP runs scripts and styles from this origin only (no inline, no eval)', async () => {
      const csp = (await load(page)).headers['content-security-policy'];
      expect(typeof csp).toBe('string');
      const directives = new Map(String(csp).split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
        const [name = '', ...sources] = d.split(/\s+/);
        return [name, sources] as const;
      }));
      expect(directives.get('default-src')).toEqual(["'none'"]);
      expect(directives.get('script-src')).toEqual(["'self'"]);
      expect(directives.get('style-src')).toEqual(["'self'"]);
      expect(directives.get('connect-src')).toEqual(["'self'"]); // "Try it out"
      expect(String(csp)).not.toMatch(/unsafe-|nonce-|sha\d+-|\*/);
    });

    test('every script and stylesheet comes from this origin with its own content type (nosniff)', async () => {
      const res = await load(page);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.body).not.toMatch(/<style\b|\sstyle=|\son[a-z]+=/i);
      const scripts = await scriptsOf();
      expect(scripts.length).toBeGreaterThan(0);
      for (const script of scripts) {
        expect(script.inline).toBe('');
        expect(script.src?.origin).toBe(origin);
        const asset = await load(script.src?.pathname ?? '');
        expect([script.src?.pathname, asset.headers['content-type']]).toEqual([script.src?.pathname, expect.stringMatching(/^(application|text)\/javascript/)]);
      }
      for (const [, href = ''] of res.body.matchAll(/<link rel="stylesheet"[^>]*href="([^"]*)"/g)) {
        const url = new URL(href, origin + page);
        expect(url.origin).toBe(origin);
        expect((await load(url.pathname)).headers['content-type']).toMatch(/^text\/css/);
      }
    });

    test('the last script starts the UI at once, with the OpenAPI document embedded (nothing to fetch)', async () => {
      const scripts = await scriptsOf();
      const initializer = scripts.at(-1)?.src?.pathname ?? '';
      const code = (await load(initializer)).body;
      // The bundle's global, recording how it is called; the UI starts while the script runs (not on
      // `load` or `DOMContentLoaded`, which a stub window never fires).
      const calls: Record<string, unknown>[] = [];
      const SwaggerUIBundle = Object.assign((config: Record<string, unknown>) => {
        calls.push(config);
        return {};
      }, { presets: { apis: {} }, plugins: { DownloadUrl: {} } });
      const window: Record<string, unknown> = {};
      runInNewContext(code, { window, SwaggerUIBundle, SwaggerUIStandalonePreset: {}, document: {} });
      expect(calls).toHaveLength(1);
      const config = calls[0] ?? {};
      const document = (await load('/docs/json')).json<OpenApiDocument>();
      expect(JSON.parse(JSON.stringify(config.spec))).toEqual(document);
      expect(config).not.toHaveProperty('url');
      expect(config).not.toHaveProperty('urls');
      expect(config).not.toHaveProperty('configUrl');
      expect((await load(page)).body).toContain(`id="${String(config.dom_id).replace(/^#/, '')}"`);
    });
  });
});
