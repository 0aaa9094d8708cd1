const { AsyncLocalStorage } = require('node:async_hooks');
const { TestEnvironment } = require('jest-environment-node');

// Every test file loads its own copy of the packages it uses (jest's module registry), and with them
// their AsyncLocalStorage instances: MikroORM's RequestContext and TransactionContext, the API's own.
// On Node 20 and 22 an instance, once used, stays enabled until `disable()`, and every enabled
// instance adds work to every promise and callback the process creates afterwards. Nothing disables
// the copies of a finished file, so a jest worker paid for all of them: 33 enabled instances after
// the API's 14 route and plugin files, and those files took 17% more CPU than with them disabled.
// The store each one holds (an EntityManager, say) also kept the old file's objects alive.
//
// This environment records the instances a test file enables and disables them when the file is
// done, after its last hook. A store still in use somewhere is not lost for good: `run()` enables its
// instance again. Node versions whose AsyncLocalStorage has no `_enable` (an AsyncContextFrame build)
// do not pay per instance, and nothing is recorded there.
const enabledDuringFile = new Set();
const prototype = AsyncLocalStorage.prototype;
const RECORDING = Symbol.for('eventlead.jest.recordsEnabledAsyncLocalStorage');

if (typeof prototype._enable === 'function' && !prototype[RECORDING]) {
  const enable = prototype._enable;
  prototype._enable = function recordEnabled(...args) {
    enabledDuringFile.add(this);
    return enable.apply(this, args);
  };
  prototype[RECORDING] = true;
}

/**
 * jest's Node environment, plus the clean-up above. The preset's `testEnvironment`.
 */
class NodeEnvironment extends TestEnvironment {
  async teardown() {
    for (const storage of enabledDuringFile) {
      storage.disable();
    }
    enabledDuringFile.clear();
    await super.teardown();
  }
}

module.exports = NodeEnvironment;
