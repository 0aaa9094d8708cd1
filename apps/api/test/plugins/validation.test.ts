import { adminAuth, describeApp } from '../app-harness';

const NOT_ACCEPTED = (name: string) => `${name} is not accepted; no parameters are accepted here.`;
const MALFORMED = (name: string) => `${name} is not valid percent-encoding: % must be followed by two hexadecimal digits that together spell UTF-8.`;

// One app and database per kind for both groups: no test writes (refusals and reads), so nothing is emptied between them.
describeApp(
  'validation plugin',
  (get) => {
    describe('routes that declare no query parameters', () => {
      test.each([
        ['a reference table', '/ref/countries?x=1', {}, 'querystring.x', NOT_ACCEPTED('x')],
        ['a reference table, malformed percent-encoding', '/ref/countries?x=%ZZ', {}, 'querystring.x', MALFORMED('x')],
        ['a user (admin)', '/users/2?x=1', adminAuth, 'querystring.x', NOT_ACCEPTED('x')],
        ['a company (admin), a parameter without a value', '/companies/2?debug', adminAuth, 'querystring.debug', NOT_ACCEPTED('debug')],
      ])('%s: %s is a 400 naming the parameter, as on the list routes', async (_name, url, headers, field, message) => {
        const res = await get().app.inject({ method: 'GET', url, headers });
        expect(res.statusCode).toBe(400);
        expect(res.json()).toEqual({ error: 'The request is not valid.', details: [{ field, message }] });
      });

      test('a route with a body refuses a query parameter too', async () => {
        const res = await get().app.inject({ method: 'POST', url: '/companies?dryRun=true', headers: adminAuth, payload: { companyName: 'Query Refused' } });
        expect(res.statusCode).toBe(400);
        expect(res.json()).toEqual({ error: 'The request is not valid.', details: [{ field: 'querystring.dryRun', message: NOT_ACCEPTED('dryRun') }] });
      });

      test('without a query (or with an empty one) the routes answer as before', async () => {
        expect((await get().app.inject({ method: 'GET', url: '/ref/countries' })).statusCode).toBe(200);
        expect((await get().app.inject({ method: 'GET', url: '/ref/countries?' })).statusCode).toBe(200);
      });

      test.each(['/health?_=1712345678', '/health/ready?_=1712345678&probe=lb', '/health?x=%ZZ'])(
        'the health probes tolerate a query (load balancers add cache busters): %s answers 200',
        async (url) => {
          expect((await get().app.inject({ method: 'GET', url })).statusCode).toBe(200);
        },
      );

      test.each(['/docs/?url=x', '/docs/json?v=1'])('the API reference pages (Swagger UI) tolerate a query: %s answers 200', async (url) => {
        expect((await get().app.inject({ method: 'GET', url })).statusCode).toBe(200);
      });
    });

    describe('refusals stay small', () => {
      test('a body with thousands of unknown fields gets 20 details and a count of the rest, not a detail each', async () => {
        const payload = Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`k${i}`, 0]));
        const res = await get().app.inject({ method: 'POST', url: '/companies', headers: adminAuth, payload: { companyName: 'Many Keys', ...payload } });
        expect(res.statusCode).toBe(400);
        const { details } = res.json<{ details: { field: string; message: string }[] }>();
        expect(details).toHaveLength(21);
        expect(details[0]?.field).toBe('k0');
        expect(details[20]?.message).toBe('…and 4980 more problems with this request: fix these and send it again.');
        expect(res.body.length).toBeLessThan(10_000);
      });

      test.each(['constructor', 'toString', 'hasOwnProperty'])('an unknown field named %s is refused in plain words', async (key) => {
        const res = await get().app.inject({ method: 'POST', url: '/companies', payload: `{"companyName":"Inherited","${key}":1}`, headers: { ...adminAuth, 'content-type': 'application/json' } });
        expect(res.statusCode).toBe(400);
        const { details } = res.json<{ details: { field: string; message: string }[] }>();
        expect(details.map((d) => d.field)).toEqual([key]);
        expect(details[0]?.message).toMatch(new RegExp(`^${key} is not accepted; the fields accepted are `));
      });
    });
  },
  { database: { resetAfterEach: false } },
);
