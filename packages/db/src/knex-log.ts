import { inspect } from 'node:util';
import { redactSqlValues } from './redact-sql';

/** The level of a line the database layer writes: knex's warnings and errors, or an ORM line (`info`). */
export type DatabaseLogLevel = 'debug' | 'info' | 'warn' | 'error';

/**
 * Where the database layer's log lines go: MikroORM's `logger` option. MikroORM calls it with the
 * message only (its query and info lines); knex's lines come with their level, so an app that hands
 * in its logger can write them as warnings.
 * @example createOrmConfig(process.env, { logger: (message, level = 'info') => log[level](message) })
 */
export type DatabaseLogWriter = (message: string, level?: DatabaseLogLevel) => void;

/** Knex's logger interface (`driverOptions.log`). */
export type KnexLog = Record<'warn' | 'error' | 'deprecate' | 'debug', (message: unknown) => void>;

function write(writer: DatabaseLogWriter, level: DatabaseLogLevel) {
  return (message: unknown): void => {
    writer(redactSqlValues(typeof message === 'string' ? message : inspect(message, { depth: 2 })), level);
  };
}

/**
 * knex's logger (`driverOptions.log`) writing to `writer`. knex reports e.g. `Connection Error:
 * <error>` when it drops a pooled connection that died (a database outage); that error can be the
 * query error pg raised when the backend died, whose message knex prefixed with the failed statement —
 * with the values MikroORM inlined (emails, password and token hashes). Values are blanked before any
 * line is written.
 */
export function knexLogTo(writer: DatabaseLogWriter): KnexLog {
  return {
    warn: write(writer, 'warn'),
    error: write(writer, 'error'),
    deprecate: write(writer, 'warn'),
    debug: write(writer, 'debug'),
  };
}

const consoleMethods = { debug: 'debug', info: 'log', warn: 'warn', error: 'error' } as const;

/**
 * knex's logger when no `logger` is configured (CLI, scripts): the console, as knex's default does,
 * but without the values of failed statements.
 */
export const knexLog: KnexLog = knexLogTo((message, level = 'info') => {
  console[consoleMethods[level]](message);
});
