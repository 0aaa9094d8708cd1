import { insertRows } from '@eventlead/db';
import { ApiRequest, ApplicationError } from '@eventlead/models';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { logSafeError, logSafeMessage } from '../log-safe-error';
import { BufferedWriter } from '../request-log/buffered-writer';
import { auditContextOf } from './request-context';
import { addSendStep } from './route-hooks';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * `false` for routes whose requests are not recorded in log.ApiRequest: the health probes, which
     * load balancers call every few seconds per replica. Their 5xx still reach log.ApplicationError.
     */
    requestLog?: boolean;
  }
  interface FastifyInstance {
    /** Background writers of log.ApiRequest and log.ApplicationError (flushed on close). */
    requestLog: { requests: BufferedWriter<ApiRequestRow>; errors: BufferedWriter<ApplicationErrorRow> };
  }
}

type ApiRequestRow = Omit<ApiRequest, 'id'>;
type ApplicationErrorRow = Omit<ApplicationError, 'id'>;


/** Options of {@link requestLogPlugin}. */
export interface RequestLogPluginOptions {
  /** Longest a row waits in memory before it is written. */
  flushIntervalMs?: number;
  /** Rows each writer holds at most, batches being written included; beyond, rows are dropped and counted. */
  maxBuffered?: number;
}

function pathOf(request: FastifyRequest): string {
  // Query strings can carry emails and tokens: only the path is recorded.
  const url = request.url;
  const query = url.indexOf('?');
  return (query === -1 ? url : url.slice(0, query)).slice(0, 2000);
}

/**
 * Records every answered request in log.ApiRequest (except on routes with
 * `config: { requestLog: false }`) and every 5xx in log.ApplicationError, through buffered background
 * writers: batched inserts, bounded memory, never on the response's path, and flushed when the app
 * closes (graceful shutdown).
 */
export const requestLogPlugin = fp<RequestLogPluginOptions>(
  (app: FastifyInstance, options, done) => {
    const onError = (table: string) => (error: unknown, dropped: number) => {
      app.log.error({ err: error, dropped }, `could not write ${table} rows`);
    };
    // A table that cannot be written (locked, full) must not take the process down with it: each
    // writer holds at most maxBuffered rows, and says how many it dropped at most every 10 s.
    const onOverflow = (table: string) => (dropped: number) => {
      app.log.warn({ dropped }, `${table} writer full: rows dropped`);
    };
    const requests = new BufferedWriter<ApiRequestRow>({
      write: (rows) => insertRows(app.orm, ApiRequest, rows),
      flushIntervalMs: options.flushIntervalMs ?? 1_000,
      ...(options.maxBuffered === undefined ? {} : { maxBuffered: options.maxBuffered }),
      onError: onError('log.ApiRequest'),
      onOverflow: onOverflow('log.ApiRequest'),
    });
    const errors = new BufferedWriter<ApplicationErrorRow>({
      write: (rows) => insertRows(app.orm, ApplicationError, rows),
      flushIntervalMs: options.flushIntervalMs ?? 1_000,
      ...(options.maxBuffered === undefined ? {} : { maxBuffered: options.maxBuffered }),
      onError: onError('log.ApplicationError'),
      onOverflow: onOverflow('log.ApplicationError'),
    });
    app.decorate('requestLog', { requests, errors });

    // In onSend, once the answer is ready to go out: its status is final, and the lifecycle stage
    // already runs for every response (security headers), where an onResponse hook would add a stage
    // and two listeners on every response to every request, probes included.
    addSendStep(app, (request, reply, config) => {
      recordFailure(request, reply.statusCode);
      if (config.requestLog === false) return;
      // The request id, client address and User-Agent as the audit trail records them (cut to the same
      // column widths), so a log row and the audit rows of its request always agree.
      const context = auditContextOf(request);
      requests.push({
        requestId: request.id,
        method: request.method.slice(0, 10),
        path: pathOf(request),
        statusCode: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime),
        userId: null,
        companyId: null,
        ipAddress: context.ipAddress ?? null,
        userAgent: context.userAgent ?? null,
        createdDate: new Date(),
      });
    });

    // The error each failed request ended with, recorded once its answer's status is known: onError
    // runs before the error handler has set the status, so a client's 400 (a yup ValidationError
    // carries no status of its own) looked like a 500 there.
    const failures = new WeakMap<FastifyRequest, Error>();
    app.addHook('onError', (request, _reply, error, next) => {
      failures.set(request, error);
      next();
    });
    const recordFailure = (request: FastifyRequest, status: number): void => {
      const error = failures.get(request);
      if (error === undefined) return;
      failures.delete(request);
      // Only server errors are application errors; a client's 4xx is its own mistake, not ours.
      if (status < 500) return;
      // The row is a log line too: driver errors lose the values of their statement here as well.
      const safe = logSafeError(error);
      errors.push({
        errorType: error.name.slice(0, 200),
        severity: 'error',
        message: logSafeMessage(error),
        stackTrace: safe.stack ?? null,
        method: request.method.slice(0, 10),
        path: pathOf(request),
        requestId: request.id,
        userId: null,
        companyId: null,
        createdDate: new Date(),
      });
    };

    // Registered last among close hooks of this plugin so in-flight responses have been recorded.
    app.addHook('onClose', async () => {
      await Promise.all([requests.close(), errors.close()]);
    });
    done();
  },
  { name: 'eventlead-request-log', dependencies: ['eventlead-orm'], fastify: '5.x' },
);
