import type { Orm } from '@eventlead/db';
import { UserStatus } from '@eventlead/models';
import { RequestContext } from '@mikro-orm/core';
import { describeApp } from '../app-harness';

let seen: { em: Orm['em'] | undefined; hadContext: boolean } = { em: undefined, hadContext: false };

describeApp(
  'orm plugin',
  (get) => {
    test('a route with config.database false gets no request context; others do', async () => {
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
  },
  {
    database: { seed: true },
    extraRoutes: (app) => {
      app.get('/test/no-db', { config: { database: false } }, () => {
        seen = { em: undefined, hadContext: RequestContext.getEntityManager() !== undefined };
        return { ok: true };
      });
      app.get('/test/with-db', async (request) => {
        const em = request.em;
        await em.find(UserStatus, {});
        seen = { em, hadContext: RequestContext.getEntityManager() !== undefined };
        return { loaded: em.getUnitOfWork().getIdentityMap().values().length };
      });
    },
  },
);
