import { readUserDetail, type Orm } from '@eventlead/db';
import { UserStatus } from '@eventlead/models';
import { RequestContext } from '@mikro-orm/core';
import Fastify, { type FastifyContextConfig } from 'fastify';
import { databaseAccessOf, ormPlugin, type DatabaseAccess } from '../../src/plugins/orm';
import { describeApp } from '../app-harness';

let seen: { em: Orm['em'] | undefined; hadContext: boolean } = { em: undefined, hadContext: false };

/** What a test route answers when it reads a database property its route does not have. */
function attempt(read: () => unknown): { ok: true } | { error: string; message: string } {
  try {
    read();
    return { ok: true };
  } catch (error) {
    return { error: (error as Error).name, message: (error as Error).message };
  }
}

describeApp(
  'orm plugin',
  (get) => {
    test("a route with config.database 'none' gets no request context; the default does", async () => {
      await get().app.inject({ method: 'GET', url: '/test/no-db' });
      expect(seen.hadContext).toBe(false);
      await get().app.inject({ method: 'GET', url: '/test/with-db' });
      expect(seen.hadContext).toBe(true);
    });

    test('the request EntityManager is emptied once the response is sent', async () => {
      const res = await get().app.inject({ method: 'GET', url: '/test/with-db' });
      expect(res.statusCode).toBe(200);
      expect((res.json<{ loaded: number }>()).loaded).toBeGreaterThan(0);
      expect(seen.em?.getUnitOfWork().getIdentityMap().values()).toEqual([]);
    });

    test("a 'connection' route reads through request.connection, without a request context", async () => {
      const res = await get().app.inject({ method: 'GET', url: '/test/connection' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ found: false, hadContext: false, em: expect.objectContaining({ error: 'DatabaseAccessError' }) as unknown });
    });

    test.each([
      ['/test/no-db/em', /request\.em exists on routes with config\.database 'unit-of-work' \(the default\); GET \/test\/no-db\/em has 'none': it may not use the database\./],
      ['/test/no-db/connection', /request\.connection exists on routes with config\.database 'connection'; GET \/test\/no-db\/connection has 'none'/],
      ['/test/with-db/connection', /request\.connection exists on routes with config\.database 'connection'; GET \/test\/with-db\/connection has 'unit-of-work': it has a unit of work: use request\.em\./],
    ])('reading the wrong property throws at once (%s)', async (url, message) => {
      const res = await get().app.inject({ method: 'GET', url });
      expect(res.json()).toEqual({ error: 'DatabaseAccessError', message: expect.stringMatching(message) as unknown });
    });

    test("request.em of a 'connection' route says where to read instead", async () => {
      const res = await get().app.inject({ method: 'GET', url: '/test/connection' });
      expect(res.json<{ em: { message: string } }>().em.message).toBe(
        "request.em exists on routes with config.database 'unit-of-work' (the default); GET /test/connection has 'connection': it reads through request.connection.",
      );
    });
  },
  {
    // The tests only read: one seeded database serves them all.
    database: { seed: true, resetAfterEach: false },
    extraRoutes: (app) => {
      app.get('/test/no-db', { config: { database: 'none' } }, () => {
        seen = { em: undefined, hadContext: RequestContext.getEntityManager() !== undefined };
        return { ok: true };
      });
      app.get('/test/no-db/em', { config: { database: 'none' } }, (request) => attempt(() => request.em));
      app.get('/test/no-db/connection', { config: { database: 'none' } }, (request) => attempt(() => request.connection));
      app.get('/test/with-db', async (request) => {
        const em = request.em;
        await em.find(UserStatus, {});
        seen = { em, hadContext: RequestContext.getEntityManager() !== undefined };
        return { loaded: em.getUnitOfWork().getIdentityMap().values().length };
      });
      app.get('/test/with-db/connection', (request) => attempt(() => request.connection));
      app.get('/test/connection', { config: { database: 'connection' } }, async (request) => {
        const user = await request.connection.run(readUserDetail, 999_999);
        return { found: user !== undefined, hadContext: RequestContext.getEntityManager() !== undefined, em: attempt(() => request.em) };
      });
    },
  },
);

describe('config.database', () => {
  test.each<[FastifyContextConfig, DatabaseAccess]>([
    [{}, 'unit-of-work'],
    [{ database: 'unit-of-work' }, 'unit-of-work'],
    [{ database: 'connection' }, 'connection'],
    [{ database: 'none' }, 'none'],
  ])('%p is %p', (config, access) => {
    expect(databaseAccessOf({ method: 'GET', url: '/x', config })).toBe(access);
  });

  test.each([
    [{ database: false }, "GET /x: config.database must be 'none', 'connection', 'unit-of-work'; got false."],
    [{ database: 'read' }, `GET /x: config.database must be 'none', 'connection', 'unit-of-work'; got "read".`],
    [{ unitOfWork: false }, "GET /x: config.unitOfWork is replaced by config.database ('none' | 'connection' | 'unit-of-work')."],
  ])('%p fails the route at registration', (config, message) => {
    expect(() => databaseAccessOf({ method: 'GET', url: '/x', config } as never)).toThrow(message);
  });

  test('a route with an unknown value is refused when it is added', async () => {
    const app = Fastify();
    await app.register(ormPlugin, { orm: { em: { getPlatform: () => undefined } } as unknown as Orm });
    expect(() => app.get('/x', { config: { database: 'read' as never } }, () => 'x')).toThrow(/config\.database must be/);
    await app.close();
  });
});
