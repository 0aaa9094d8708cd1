import Fastify, { type FastifyContextConfig } from 'fastify';
import { routeConfigOf } from '../../src/plugins/route-hooks';

describe('routeConfigOf', () => {
  test("is the route's own config, the one request.routeOptions.config gives, in every hook; the not-found handler's for a 404", async () => {
    const app = Fastify({ logger: false });
    const seen: { url: string; same: boolean; config: FastifyContextConfig }[] = [];
    const look = (request: Parameters<typeof routeConfigOf>[0]): void => {
      seen.push({ url: request.url, same: routeConfigOf(request) === request.routeOptions.config, config: routeConfigOf(request) });
    };
    app.addHook('onRequest', (request, _reply, done) => {
      look(request);
      done();
    });
    app.addHook('onSend', (request, _reply, payload, done) => {
      look(request);
      done(null, payload);
    });
    app.get('/probe', { config: { rateLimit: false, requestLog: false } }, () => ({ ok: true }));
    app.get('/counted', () => ({ ok: true }));
    await app.inject('/probe');
    await app.inject('/counted');
    await app.inject('/nowhere');
    await app.close();
    expect(seen.map((s) => s.same)).toEqual([true, true, true, true, true, true]);
    expect(seen.map((s) => [s.url, s.config.rateLimit, s.config.requestLog])).toEqual([
      ['/probe', false, false],
      ['/probe', false, false],
      ['/counted', undefined, undefined],
      ['/counted', undefined, undefined],
      ['/nowhere', undefined, undefined],
      ['/nowhere', undefined, undefined],
    ]);
  });
});
