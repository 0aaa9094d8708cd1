import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { adminAuth, describeReliability, type ReliabilityContext } from './support/harness';
import { freePort } from './support/server-process';

/** Writes `raw` on a fresh TCP connection and reads until the server closes it. */
function rawExchange(port: number, raw: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.setTimeout(10_000, () => socket.destroy(new Error('no answer')));
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => { resolve(Buffer.concat(chunks).toString('latin1')); });
    socket.write(raw);
  });
}

function parseResponse(text: string): { status: number; headers: Record<string, string>; body: string } {
  const [head = '', body = ''] = text.split('\r\n\r\n', 2);
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const at = line.indexOf(':');
    headers[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
  }
  return { status: Number(statusLine.split(' ')[1]), headers, body };
}

async function applicationErrorsOf(c: ReliabilityContext, requestId: unknown): Promise<number> {
  await c.app.requestLog.errors.flush();
  const rows = await c.orm.em.getConnection().execute<{ n: number }[]>('select count(*)::int as n from "log"."ApplicationError" where "RequestID" = ?', [requestId]);
  return rows[0]?.n ?? 0;
}

describeReliability('integrity: client errors', (get) => {
  test.each([
    ['an unknown user status on PATCH /users/:id', 'PATCH', '/users/:user', { status: 'no-such-status' }],
    ['an unknown membership role on POST /companies/:id/users', 'POST', '/companies/:company/users', { userId: ':user', role: 'no-such-role' }],
  ])('%s is a 400, never a log.ApplicationError row nor an error-level log line with a stack', async (_name, method, template, body) => {
    const c = get();
    const company = await c.call({ method: 'POST', url: '/companies', headers: adminAuth, payload: { companyName: `Client Errors ${randomUUID()}` } });
    const password = `Kq7!${randomUUID()}`;
    c.secrets.add('password', password);
    const user = await c.call({ method: 'POST', url: '/users', headers: adminAuth, payload: { email: `client-errors-${randomUUID()}@example.com`, password, firstName: 'Client', lastName: 'Errors' } });
    expect([company.statusCode, user.statusCode]).toEqual([201, 201]);
    const ids = { company: company.json<{ data: { id: number } }>().data.id, user: user.json<{ data: { id: number } }>().data.id };
    const url = template.replace(':user', String(ids.user)).replace(':company', String(ids.company));
    const payload = Object.fromEntries(Object.entries(body).map(([k, v]) => [k, v === ':user' ? ids.user : v]));
    const res = await c.call({ method: method, url, headers: adminAuth, payload });
    expect(res.statusCode).toBe(400);
    expect(await applicationErrorsOf(c, res.headers['x-request-id'])).toBe(0);
    expect(c.errorLogOf(res).filter((line) => /"level":(50|60)/.test(line) || line.includes('"stack"'))).toEqual([]);
  });

  describe('answers Node sends before fastify sees a request', () => {
    let port = 0;
    beforeAll(async () => {
      port = await freePort();
      await (await get().buildExtraApp()).listen({ host: '127.0.0.1', port });
    });

    test.each([
      ['a malformed request line', 400, 'GARBAGE\r\n\r\n'],
      ['a header line without a colon', 400, 'GET /health HTTP/1.1\r\nHost: x\r\nnot a header\r\n\r\n'],
      ['headers over the size limit (431)', 431, `GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`],
      ['a CONNECT request (no tunnels here: 501)', 501, 'CONNECT /users HTTP/1.1\r\nHost: x\r\n\r\n'],
    ])('%s is answered in the error envelope with the API security headers', async (name, status, raw) => {
      const c = get();
      const response = parseResponse(await rawExchange(port, raw));
      c.record(response.status, response.body, response.headers, `raw TCP: ${name}`);
      expect(response.status).toBe(status);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(JSON.parse(response.body)).toEqual({ error: expect.any(String) as unknown, details: [] });
      expect(response.headers).toMatchObject({
        'content-security-policy': "default-src 'none';frame-ancestors 'none'",
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'cache-control': 'no-store',
        connection: 'close',
      });
      expect(Number(response.headers['content-length'])).toBe(Buffer.byteLength(response.body));
    });
  });
});
