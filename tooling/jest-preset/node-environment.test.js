const assert = require('node:assert/strict');
const { AsyncLocalStorage } = require('node:async_hooks');
const { test } = require('node:test');
const NodeEnvironment = require('./node-environment.js');

function environment() {
  return new NodeEnvironment(
    { globalConfig: {}, projectConfig: { testEnvironmentOptions: {}, globals: {}, setupFiles: [] } },
    { console, docblockPragmas: {}, testPath: __filename },
  );
}

// Node 20 and 22 keep an AsyncLocalStorage `enabled` once it has been used; the environment's
// teardown must turn off those a test file enabled.
test('teardown disables the AsyncLocalStorage instances enabled during the file', async () => {
  const env = environment();
  await env.setup();
  const fromTheFile = new AsyncLocalStorage();
  fromTheFile.run({ request: 1 }, () => {
    assert.deepEqual(fromTheFile.getStore(), { request: 1 });
  });
  assert.equal(fromTheFile.enabled, true);
  await env.teardown();
  assert.equal(fromTheFile.enabled, false);
  assert.equal(fromTheFile.getStore(), undefined);
});

test('a disabled instance works again when used again', async () => {
  const env = environment();
  await env.setup();
  const storage = new AsyncLocalStorage();
  storage.enterWith('first');
  await env.teardown();
  assert.equal(storage.enabled, false);
  await storage.run('second', async () => {
    await Promise.resolve();
    assert.equal(storage.getStore(), 'second');
  });
});
