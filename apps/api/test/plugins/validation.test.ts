import { adminAuth, describeApp } from '../app-harness';

const NOT_ACCEPTED = (name: string) => `${name} is not accepted; no parameters are accepted here.`;
const MALFORMED = (name: string) => `${name} is not valid percent-encoding: % must be followed by two hexadecimal digits that together spell UTF-8.`;

describeApp('validation plugin: routes that declare no query parameters', (get) => {
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
