import { hashToken, safeEqual } from '@eventlead/security';
import crypto from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { ADMIN_TOKEN, adminAuth, describeReliability } from './support/harness';
import { countRows, rowDifferences } from './support/row-counts';
import { runs } from './support/settings';

/** Every route that serves or changes personal data, with a body that would be valid. */
const PROTECTED: readonly { method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; url: string; payload?: object }[] = [
  { method: 'GET', url: '/users' },
  { method: 'GET', url: '/users?email=someone%40example.com' },
  { method: 'POST', url: '/users', payload: { email: 'intruder@example.com', password: 'intruder passphrase' } },
  { method: 'GET', url: '/users/1' },
  { method: 'PATCH', url: '/users/1', payload: { firstName: 'Intruder' } },
  { method: 'DELETE', url: '/users/1' },
  { method: 'GET', url: '/users/999999' },
  { method: 'GET', url: '/companies' },
  { method: 'POST', url: '/companies', payload: { companyName: 'Intruder Pty Ltd' } },
  { method: 'GET', url: '/companies/1' },
  { method: 'PATCH', url: '/companies/1', payload: { companyName: 'Intruder' } },
  { method: 'DELETE', url: '/companies/1' },
  { method: 'POST', url: '/companies/1/users', payload: { userId: 1, role: 'owner' } },
];

/** A wrong token of the admin token's length whose first `matching` characters are right. */
function withMatchingPrefix(token: string, matching: number): string {
  const wrong = token.replace(/./g, (ch) => (ch === 'x' ? 'y' : 'x'));
  return token.slice(0, matching) + wrong.slice(matching);
}

const AUTHORIZATION_HEADERS: readonly (string | undefined)[] = [
  undefined,
  '',
  'Bearer',
  'Bearer ',
  'Bearer  ',
  `Basic ${Buffer.from(`admin:${ADMIN_TOKEN}`).toString('base64')}`,
  `Token ${ADMIN_TOKEN}`,
  `Bearer ${ADMIN_TOKEN} `,
  `Bearer  ${ADMIN_TOKEN}`,
  `Bearer ${ADMIN_TOKEN}${ADMIN_TOKEN}`,
  `Bearer ${ADMIN_TOKEN.slice(0, -1)}`,
  `Bearer ${ADMIN_TOKEN}x`,
  `Bearer ${withMatchingPrefix(ADMIN_TOKEN, 0)}`,
  `Bearer ${withMatchingPrefix(ADMIN_TOKEN, ADMIN_TOKEN.length - 1)}`,
  `Bearer ${ADMIN_TOKEN.toUpperCase()}`,
  // Whoever read the configured digest still cannot use it as the token.
  `Bearer ${hashToken(ADMIN_TOKEN)}`,
  `Bearer ${'a'.repeat(512)}`,
  `Bearer ${'a'.repeat(513)}`,
  `Bearer ${'a'.repeat(100_000)}`,
  "Bearer ' OR '1'='1",
  'Bearer ../../etc/passwd',
  'Bearer %00',
  'Bearer ünïcødé',
  'Bearer null',
  'Bearer undefined',
];

describeReliability(
  'authorisation',
  (get) => {
    test('every personal-data route refuses missing, malformed and wrong tokens with 401 in the envelope, before reading the body, writing nothing', async () => {
      const c = get();
      const before = await countRows(c.orm);
      const problems: string[] = [];
      for (const route of PROTECTED) {
        for (const authorization of AUTHORIZATION_HEADERS) {
          const res = await c.call({
            method: route.method,
            url: route.url,
            headers: authorization === undefined ? {} : { authorization },
            ...(route.payload ? { payload: route.payload } : {}),
          });
          c.figures.inputsTried += 1;
          const ok =
            res.statusCode === 401 &&
            res.headers['www-authenticate'] === 'Bearer' &&
            res.body === JSON.stringify({ error: 'A valid bearer token is required.', details: [] });
          if (!ok) problems.push(`${route.method} ${route.url} with ${JSON.stringify(authorization?.slice(0, 40))} → ${res.statusCode} ${res.body.slice(0, 80)}`);
        }
        // And the body is not looked at: a broken one is still a 401, not a 400.
        if (route.payload) {
          const res = await c.call({ method: route.method, url: route.url, headers: { 'content-type': 'application/json' }, payload: '{"broken":' });
          if (res.statusCode !== 401) problems.push(`${route.method} ${route.url} broken body without token → ${res.statusCode}`);
        }
      }
      expect(problems).toEqual([]);
      expect(rowDifferences(before, await countRows(c.orm))).toEqual({});
      // The suite can tell: the right token is let in.
      expect((await c.call({ method: 'GET', url: '/users', headers: adminAuth })).statusCode).toBe(200);
    }, 120_000);

    test('a wrong token costs the same work however much of it matches: one constant-time comparison of two SHA-256 digests', async () => {
      // Structural, not a stopwatch: the presented token is hashed and the comparison runs over two
      // 32-byte digests with crypto.timingSafeEqual, once per request, whatever the token looks like.
      // How many leading characters match cannot change which bytes are compared, so there is nothing
      // for timing to reveal; a test timing microseconds on a shared CI machine could only be flaky.
      const c = get();
      const spy = jest.spyOn(crypto, 'timingSafeEqual');
      try {
        const candidates = [0, 1, 8, 16, ADMIN_TOKEN.length - 1].map((k) => withMatchingPrefix(ADMIN_TOKEN, k));
        candidates.push('x', 'a'.repeat(512), hashToken(ADMIN_TOKEN), ADMIN_TOKEN);
        for (const token of candidates) {
          spy.mockClear();
          const res = await c.call({ method: 'GET', url: '/users/1', headers: { authorization: `Bearer ${token}` } });
          expect(res.statusCode).toBe(token === ADMIN_TOKEN ? 200 : 401);
          expect(spy).toHaveBeenCalledTimes(1);
          const [a, b] = spy.mock.calls[0] ?? [];
          expect([Buffer.from(a as Uint8Array).length, Buffer.from(b as Uint8Array).length]).toEqual([32, 32]);
          expect(Buffer.from(a as Uint8Array).includes(Buffer.from(token))).toBe(false);
        }
      } finally {
        spy.mockRestore();
      }
    });

    test('medians of the hashed comparison for 0 and 63 matching leading characters (reported, not asserted)', () => {
      const c = get();
      const token = 'k'.repeat(64);
      const digest = hashToken(token);
      const none = withMatchingPrefix(token, 0);
      const most = withMatchingPrefix(token, 63);
      const samples = { none: [] as number[], most: [] as number[] };
      const rounds = runs(5_000, 50_000);
      for (let i = 0; i < rounds; i++) {
        // Interleaved, so that machine load drifts over both series alike.
        for (const [key, candidate] of [['none', none], ['most', most]] as const) {
          const started = performance.now();
          safeEqual(hashToken(candidate), digest);
          samples[key].push(performance.now() - started);
        }
      }
      const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? 0;
      const m0 = median(samples.none) * 1_000;
      const m63 = median(samples.most) * 1_000;
      c.figures.notes.push(`hashed token comparison, median of ${rounds}: ${m0.toFixed(2)} µs with 0 leading characters right, ${m63.toFixed(2)} µs with 63 right`);
      expect(safeEqual(hashToken(token), digest)).toBe(true);
    });
  },
  { databases: ['postgresql'] },
);
