/**
 * The load generator child: runs autocannon loads the parent sends, several at once when asked (the
 * password flood loads `POST /users` and `GET /health` together). Pinned to its own CPU.
 */
import { runChild, reportStart, serveQuestions } from '../ipc/child-side';
import { runLoad } from './run-load';

runChild(() => {
  serveQuestions({
    load: (specs) => Promise.all(specs.map((spec) => runLoad(spec))),
    stop: () => {
      setImmediate(() => process.exit(0));
      return null;
    },
  });
  reportStart({ kind: 'ready', port: 0, phases: { modulesLoadedMs: 0, databaseReadyMs: 0, appBuiltMs: 0, listeningMs: 0 } });
  return Promise.resolve();
});
