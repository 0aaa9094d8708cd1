import { RequestContext } from '@mikro-orm/core';
import { Person, testEntities } from '../test/fixtures/entities';
import { getActor, setActor } from './actor';
import { withRequestContext } from './context';
import { describeEachDatabase } from './testing';

describeEachDatabase(
  'request context',
  (getDb) => {
    test('fn runs in a fresh fork registered as the request context, cleared afterwards', async () => {
      const { orm } = getDb();
      let inside: ReturnType<typeof orm.em.fork> | undefined;
      await withRequestContext(orm, async (em) => {
        inside = em;
        expect(RequestContext.getEntityManager()).toBe(em);
        expect(em).not.toBe(orm.em);
        em.create(Person, { email: 'ctx@example.com' });
        await em.flush();
        expect(em.getUnitOfWork().getIdentityMap().values()).toHaveLength(1);
      });
      expect(RequestContext.currentRequestContext()).toBeUndefined();
      expect(inside?.getUnitOfWork().getIdentityMap().values()).toHaveLength(0);
    });

    test('the context is cleaned up when fn throws too', async () => {
      const { orm } = getDb();
      let inside: ReturnType<typeof orm.em.fork> | undefined;
      await expect(
        withRequestContext(orm, async (em) => {
          inside = em;
          await em.findOne(Person, { email: 'nobody@example.com' });
          em.create(Person, { email: 'never-flushed@example.com' });
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(RequestContext.currentRequestContext()).toBeUndefined();
      expect(inside?.getUnitOfWork().getIdentityMap().values()).toHaveLength(0);
      expect(await getDb().em().count(Person)).toBe(0);
    });

    test('the global EntityManager outside a context stays an error', async () => {
      await expect(getDb().orm.em.find(Person, {})).rejects.toThrow(/global EntityManager/);
    });

    test('40 concurrent contexts share no identity map and keep their own actor', async () => {
      const { orm } = getDb();
      const seed = getDb().em();
      seed.create(Person, { email: 'shared@example.com' });
      await seed.flush();

      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          withRequestContext(
            orm,
            async (em) => {
              const person = await em.findOneOrFail(Person, { email: 'shared@example.com' });
              person.loginCount = i; // an unflushed change only this unit of work may see
              // Let the other 39 contexts load and change "their" copy in between.
              await new Promise((resolve) => setImmediate(resolve));
              const cached = em.getUnitOfWork().getIdentityMap().values();
              return { em, person, cached, loginCount: person.loginCount, actor: getActor(em) };
            },
            { actorId: 1000 + i },
          ),
        ),
      );
      expect(new Set(results.map((r) => r.em)).size).toBe(40);
      expect(new Set(results.map((r) => r.person)).size).toBe(40);
      results.forEach((r, i) => {
        expect(r.cached).toEqual([r.person]);
        expect(r.loginCount).toBe(i);
        expect(r.actor).toBe(1000 + i);
      });
    });

    test('setActor/getActor travel with forks', () => {
      const em = getDb().em();
      expect(getActor(em)).toBeUndefined();
      setActor(em, 'u-1');
      expect(getActor(em.fork())).toBe('u-1');
      expect(getActor(getDb().em())).toBeUndefined();
    });
  },
  { overrides: { entities: testEntities } },
);
