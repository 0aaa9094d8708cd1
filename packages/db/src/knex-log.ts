import { inspect } from 'node:util';
import { redactSqlValues } from './redact-sql';

function write(sink: (line: string) => void) {
  return (message: unknown): void => {
    sink(redactSqlValues(typeof message === 'string' ? message : inspect(message, { depth: 2 })));
  };
}

/**
 * knex's logger (`driverOptions.log`). knex writes some warnings straight to the console, e.g.
 * `Connection Error: <error>` when a pooled connection is disposed; that error can be the query error
 * pg raised when the backend died, whose message knex prefixed with the failed statement — with the
 * values MikroORM inlined (emails, password and token hashes). Values are blanked before any line is
 * written; the messages still go to the console, as knex's default does.
 */
export const knexLog = {
  warn: write((line) => { console.warn(line); }),
  error: write((line) => { console.error(line); }),
  deprecate: write((line) => { console.warn(line); }),
  debug: write((line) => { console.debug(line); }),
};
