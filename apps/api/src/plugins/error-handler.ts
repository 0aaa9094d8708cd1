import { DatabaseUnavailableError, mapDatabaseError } from '@eventlead/db';
import { formatValidationError, type ErrorResponse } from '@eventlead/schemas';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import fp from 'fastify-plugin';
import { ValidationError } from 'yup';
import { logSafeErrorWithoutStack } from '../log-safe-error';
import { noteAnsweredByDeadline } from './deadline';
import { API_HEADERS, NO_STORE } from './security';

interface StatusError {
  statusCode: number;
  code?: string;
  message: string;
  retryAfterSeconds?: number;
}

function hasClientStatus(error: unknown): error is StatusError {
  const status = (error as Partial<StatusError> | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 600;
}

/**
 * Fastify's `frameworkErrors` hook: a URL the router cannot read (bad percent-encoding, a path
 * segment over `maxParamLength`) is answered in the error envelope, without echoing the URL. No hook
 * runs for such a request, so it is counted against the client's general limit here
 * (`app.countRequest` of the security plugin), and answered 429 like any other once over it.
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const answer = (limitError?: Error): void => {
    const [status, message] = limitError === undefined ? frameworkErrorAnswer(error) : [429, limitError.message];
    // Sent before routing, so no onSend hook adds these: the request id and the API security headers.
    void reply.headers(API_HEADERS).header('cache-control', NO_STORE).header('x-request-id', request.id);
    void reply.code(status).send({ error: message, details: [] } satisfies ErrorResponse);
  };
  // Undefined only in an app built without the security plugin.
  const { countRequest } = request.server as Partial<Pick<FastifyInstance, 'countRequest'>>;
  if (countRequest === undefined) answer();
  else countRequest(request, reply, answer);
}

/** The status and the envelope's message of a URL the router refused. */
function frameworkErrorAnswer(error: FastifyError): readonly [number, string] {
  const status = error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  return [status, error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'A part of the URL is too long.' : 'The URL is not valid.'];
}

// Node's parser errors by code: the status and the envelope's message (never the offending bytes).
const CLIENT_ERRORS: Readonly<Record<string, readonly [number, string]>> = {
  HPE_HEADER_OVERFLOW: [431, 'The request headers are too large.'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'The request took too long to arrive.'],
};

/**
 * Fastify's `clientErrorHandler`: what Node's HTTP parser refuses before fastify sees a request (a
 * malformed request line, headers over the size limit, a request that never finished arriving) is
 * answered in the error envelope with the API security headers, then the connection is closed, as
 * fastify's default handler does. No request exists yet, so no hook runs and nothing is logged above
 * trace level (a malformed request is the client's fault, and is most often a scanner).
 */
export function answerClientError(this: FastifyInstance, error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, message] = CLIENT_ERRORS[error.code ?? ''] ?? [400, 'The request is not valid HTTP.'];
  this.log.trace({ err: error }, 'client error');
  writeRawAnswer(socket, status, message);
  socket.destroy(error);
}

/** Writes a whole answer in the error envelope, with the API's headers, on a socket fastify does not serve; the caller closes it. */
function writeRawAnswer(socket: Duplex, status: number, message: string): void {
  if (!socket.writable) return;
  const body = JSON.stringify({ error: message, details: [] } satisfies ErrorResponse);
  const headers = { ...API_HEADERS, 'cache-control': NO_STORE, 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(body)), connection: 'close' };
  const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('');
  socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Bad Request'}\r\n${head}\r\n${body}`);
}

/**
 * A CONNECT request (a tunnel, as to a proxy), which Node hands to the server's `connect` listeners
 * instead of fastify, and without one closes the connection unanswered: a 501 in the error envelope.
 */
function answerConnect(socket: Duplex): void {
  writeRawAnswer(socket, 501, 'This API does not open tunnels (CONNECT): send the request itself, with GET, POST, PATCH or DELETE.');
  socket.end();
}

/**
 * The methods the router answers on the path of `url` (sorted), for a request whose own method it
 * does not: a path that exists with other methods gets a 405 and an `Allow` header instead of a 404,
 * and an OPTIONS request on it a 204 with the same `Allow` (no route answers OPTIONS itself).
 * Asks fastify's router once per method any route uses, only on this not-found path.
 */
function allowedMethods(app: FastifyInstance, routeMethods: ReadonlySet<string>, method: string, url: string): string[] {
  const allowed: string[] = [];
  for (const candidate of routeMethods) {
    if (candidate === method) continue;
    // Typed as always found; a path the router does not have for the method is null.
    const found: unknown = app.findRoute({ method: candidate, url });
    if (found !== null) allowed.push(candidate);
  }
  return allowed.sort();
}

/**
 * The one error handler: maps typed errors to HTTP statuses and the ErrorResponse envelope.
 * Validation → 400 with per-field details; typed 4xx errors → their status and message; anything
 * else → 500 with a generic message, the detail going to the log only.
 */
export const errorHandlerPlugin = fp(
  (app: FastifyInstance, _options, done) => {
    // Every method some route answers, so that a request no route answers can be told which of them
    // its path has (405 rather than 404).
    const routeMethods = new Set<string>();
    app.addHook('onRoute', (route) => {
      for (const method of Array.isArray(route.method) ? route.method : [route.method]) routeMethods.add(method.toUpperCase());
    });
    app.server.on('connect', (_request: IncomingMessage, socket: Duplex) => {
      answerConnect(socket);
    });
    app.setNotFoundHandler((request, reply) => {
      const path = request.url.split('?')[0] ?? '';
      // A route of this very method matched and sent the request here itself (`reply.callNotFound()`:
      // a file missing under /docs/static/): the resource is missing, whatever other methods the path has.
      const routed = routeMethods.has(request.method) && (request.server.findRoute({ method: request.method, url: request.url }) as unknown) !== null;
      const allowed = routed ? [] : allowedMethods(request.server, routeMethods, request.method, request.url);
      if (allowed.length === 0) {
        return reply.code(404).send({ error: `Route ${request.method} ${path} not found.`, details: [] } satisfies ErrorResponse);
      }
      const allow = allowed.join(', ');
      // RFC 9110 §9.3.7: OPTIONS asks which methods the resource takes. There is no CORS (no
      // Access-Control-* headers), so this is no preflight answer: a browser's preflight still fails.
      if (request.method === 'OPTIONS') return reply.code(204).header('allow', allow).send();
      return reply
        .code(405)
        .header('allow', allow)
        .send({ error: `Method ${request.method} is not allowed on ${path}; the methods allowed are ${allow}.`, details: [] } satisfies ErrorResponse);
    });

    app.setErrorHandler((raw: FastifyError | Error, request, reply) => {
      // Driver errors (unique violation, connection lost, ...) become the db package's typed errors
      // here, once, so no route has to remember to translate them.
      // Errors that already carry a status (ours, Fastify's) are kept as they are.
      const error = hasClientStatus(raw) ? raw : (mapDatabaseError(raw) as FastifyError | Error);
      if (error instanceof ValidationError) {
        // Fields of the body are named as they are; those of the query string and the path carry its name.
        const context = (error as { validationContext?: string }).validationContext;
        const details = formatValidationError(error, context === 'body' || context === undefined ? {} : { prefix: context });
        return reply.code(400).send({ error: 'The request is not valid.', details } satisfies ErrorResponse);
      }
      if (hasClientStatus(error) && error.statusCode < 500) {
        return reply.code(error.statusCode).send({ error: error.message, details: [] } satisfies ErrorResponse);
      }
      if (hasClientStatus(error) && error.statusCode === 503) {
        if (error.retryAfterSeconds !== undefined) void reply.header('retry-after', String(error.retryAfterSeconds));
        else void reply.header('retry-after', '5');
        // The deadline's own 503 is an expected outcome with a known cause: no stack to read.
        if ((error as { code?: unknown }).code === 'FST_ERR_HANDLER_TIMEOUT') {
          // From here on the handler's work is abandoned (request.em refuses, its outcome is dropped).
          noteAnsweredByDeadline(request);
          request.log.warn({ code: 'FST_ERR_HANDLER_TIMEOUT' }, "service unavailable: the request's deadline passed before its work was done");
        } else if (error instanceof DatabaseUnavailableError) {
          // So is a database outage, which fails every request the same way: its type, code and message
          // and the driver's (ECONNREFUSED...), without a stack per request burying the log.
          request.log.warn({ error: logSafeErrorWithoutStack(error) }, 'service unavailable: the database cannot be reached');
        } else {
          request.log.warn({ err: error }, 'service unavailable');
        }
        return reply.code(503).send({ error: 'The service is temporarily unavailable; try again shortly.', details: [] } satisfies ErrorResponse);
      }
      request.log.error({ err: error }, 'unhandled error');
      return reply.code(500).send({ error: 'Internal server error.', details: [] } satisfies ErrorResponse);
    });
    done();
  },
  { name: 'eventlead-error-handler', fastify: '5.x' },
);
