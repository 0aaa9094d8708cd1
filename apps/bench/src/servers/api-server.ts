/**
 * "Ours": the EventLead API exactly as `buildApp` assembles it (every plugin: helmet, rate limit,
 * OpenAPI, yup validation, RequestContext, request log, auth) on a MikroORM from `createOrmConfig`,
 * listening on loopback. Differences from `server.ts`, on purpose: no logger (the baseline has none
 * either), no schema update at start (the bench prepared the database), and a rate limit high enough
 * that a single loopback client is never throttled (the plugin still runs on every request). Added
 * on top, like the baseline has it: one `onRequest` hook telling which request a query serves.
 *
 * Environment (set by the bench): BENCH_DATABASE_URL, BENCH_ADMIN_TOKEN_SHA256, BENCH_PORT,
 * BENCH_TRACK_FORKS=1 to watch request units of work for the soak.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '@eventlead/api';
import { createORM, createOrmConfig, type Orm } from '@eventlead/db';
import { reportStart, runChild, serveQuestions, sinceProcessStart } from '../ipc/child-side';
import type { ForkCensus } from '../protocol';
import { installQueryCounter } from './query-counter';
import { heapAfterGc, listenOptions, probeHashing, requiredEnv, serverStats, startProfile, stopProfile } from './server-questions';

const modulesLoadedMs = sinceProcessStart();
// Which request a query serves, for the per-request round-trip count: the same hook as the baseline's
// (routes without a unit of work have no MikroORM RequestContext to tell).
const requests = new AsyncLocalStorage<object>();
installQueryCounter(() => requests.getStore());

type Em = Orm['em'];

/** Watches every EntityManager fork (one per request, plus the request log's): which outlive GC. */
function trackForks(orm: Orm): () => Promise<ForkCensus> {
  const live = new Set<WeakRef<Em>>();
  let created = 0;
  const registry = new FinalizationRegistry<WeakRef<Em>>((ref) => live.delete(ref));
  const em = orm.em;
  const fork = em.fork.bind(em);
  em.fork = ((options?: Parameters<Em['fork']>[0]) => {
    const forked = fork(options);
    created += 1;
    const ref = new WeakRef(forked);
    live.add(ref);
    registry.register(forked, ref);
    return forked;
  });
  return async () => {
    await heapAfterGc();
    let alive = 0;
    let entitiesHeld = 0;
    for (const ref of live) {
      const forked = ref.deref();
      if (forked === undefined) continue;
      alive += 1;
      entitiesHeld += forked.getUnitOfWork(false).getIdentityMap().values().length;
    }
    return { created, alive, entitiesHeld, globalIdentityMap: em.getUnitOfWork(false).getIdentityMap().values().length };
  };
}

async function stop(app: FastifyInstance, orm: Orm): Promise<null> {
  await app.close();
  await orm.close();
  // Exit after the reply is out; --cpu-prof writes its profile on a normal exit.
  setTimeout(() => process.exit(0), 50);
  return null;
}

runChild(async () => {
  const orm = await createORM(createOrmConfig({ ...process.env, DATABASE_URL: requiredEnv('BENCH_DATABASE_URL') }));
  const databaseReadyMs = sinceProcessStart();
  const census = process.env.BENCH_TRACK_FORKS === '1' ? trackForks(orm) : undefined;
  const app = await buildApp({
    orm,
    config: { adminTokenSha256: requiredEnv('BENCH_ADMIN_TOKEN_SHA256'), rateLimitMax: 1_000_000 },
  });
  app.addHook('onRequest', (request, _reply, done) => {
    requests.run(request, done);
  });
  await app.ready();
  const appBuiltMs = sinceProcessStart();
  const address = listenOptions();
  await app.listen(address);
  const listeningMs = sinceProcessStart();
  const port = (app.server.address() as { port: number }).port;

  serveQuestions({
    stats: serverStats,
    heap: heapAfterGc,
    profileStart: startProfile,
    profileStop: stopProfile,
    hashProbe: probeHashing,
    forks: () => {
      if (census === undefined) throw new Error('Fork tracking is off (BENCH_TRACK_FORKS=1).');
      return census();
    },
    stop: () => stop(app, orm),
  });
  reportStart({ kind: 'ready', port, phases: { modulesLoadedMs, databaseReadyMs, appBuiltMs, listeningMs } });
});
