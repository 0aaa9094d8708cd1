'use strict';
// The body of every PasswordHasher worker thread, loaded by piscina from this file's path (plain
// CommonJS, so the same file runs from src/ under jest and from dist/ after the build). piscina
// lowers the thread's OS priority (its `niceIncrement`) before it loads this file. bcrypt's
// synchronous API keeps the work on this thread: the asynchronous one would hand it to libuv's
// shared thread pool, whose threads run at the event loop's priority.
const bcrypt = require('bcrypt');

/**
 * Hashes an already normalised and length-checked password.
 * @param {import('./bcrypt-task').HashTask} task
 * @returns {string}
 */
function hash(task) {
  return bcrypt.hashSync(task.password, task.cost);
}

/**
 * Compares an already normalised password with a hash in the form node `bcrypt` accepts.
 * @param {import('./bcrypt-task').CompareTask} task
 * @returns {boolean}
 */
function compare(task) {
  return bcrypt.compareSync(task.password, task.hash);
}

module.exports = { hash, compare };
