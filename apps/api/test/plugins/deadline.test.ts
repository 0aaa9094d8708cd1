import Fastify from 'fastify';
import { deadlinePlugin } from '../../src/plugins/deadline';

describe('the request deadline', () => {
  test('counts from when the request arrived, not from after the instance hooks that ran before it (a rate limiter waiting on Redis)', async () => {
    const app = Fastify();
    await app.register(deadlinePlugin, { requestTimeoutMs: 1_000 });
    // An instance-level onRequest hook runs before the route-level one that arms the deadline.
    app.addHook('onRequest', async () => {
      await new Promise((resolve) => setTimeout(resolve, 800));
    });
    app.get('/deadline', (request) => ({ expiresAt: request.deadline?.expiresAt }));
    await app.ready();
    try {
      const sent = Date.now();
      const res = await app.inject({ method: 'GET', url: '/deadline' });
      const answered = Date.now();
      expect(res.statusCode).toBe(200);
      const { expiresAt } = res.json<{ expiresAt: number }>();
      // Without the hook's 800 ms: between the request's arrival plus 1 s and the answer plus 1 s.
      expect(expiresAt).toBeGreaterThanOrEqual(sent + 1_000 - 1);
      expect(expiresAt).toBeLessThan(sent + 1_000 + 400);
      expect(expiresAt).toBeLessThanOrEqual(answered + 1_000);
    } finally {
      await app.close();
    }
  });
});
