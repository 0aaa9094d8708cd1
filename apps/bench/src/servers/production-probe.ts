/**
 * Loaded with `node --require` into the production server (`apps/api/dist/server.js`, run as users
 * run it), to make it a bench child without changing it: it answers the bench's questions over IPC
 * (CPU, SQL round trips, heap), counts the SQL round trips of each HTTP request (the request's async
 * context is entered when Node emits it), reports the port once the server listens, and stops the
 * server with SIGTERM, which goes through the server's own graceful shutdown.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import http from 'node:http';
import { reportStart, serveQuestions, sinceProcessStart } from '../ipc/child-side';
import { installQueryCounter } from './query-counter';
import { heapAfterGc, serverStats, startProfile, stopProfile } from './server-questions';

const requests = new AsyncLocalStorage<object>();
installQueryCounter(() => requests.getStore());

type Emit = (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
// eslint-disable-next-line @typescript-eslint/unbound-method -- wrapped and always called with the server as `this`
const emit = http.Server.prototype.emit as Emit;
http.Server.prototype.emit = function emitInRequestContext(this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
  if (event === 'request' && typeof args[0] === 'object' && args[0] !== null) {
    return requests.run(args[0], () => emit.call(this, event, ...args));
  }
  return emit.call(this, event, ...args);
} as typeof http.Server.prototype.emit;

type Listen = (this: http.Server, ...args: unknown[]) => http.Server;
// eslint-disable-next-line @typescript-eslint/unbound-method -- wrapped and always called with the server as `this`
const listen = http.Server.prototype.listen as Listen;
http.Server.prototype.listen = function listenAndReport(this: http.Server, ...args: unknown[]): http.Server {
  this.once('listening', () => {
    const port = (this.address() as { port: number }).port;
    const listeningMs = sinceProcessStart();
    reportStart({ kind: 'ready', port, phases: { modulesLoadedMs: listeningMs, databaseReadyMs: listeningMs, appBuiltMs: listeningMs, listeningMs } });
  });
  return listen.apply(this, args);
} as typeof http.Server.prototype.listen;

serveQuestions({
  stats: serverStats,
  heap: heapAfterGc,
  profileStart: startProfile,
  profileStop: stopProfile,
  stop: () => {
    process.kill(process.pid, 'SIGTERM');
    return null;
  },
});
