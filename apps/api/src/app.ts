import type { Orm } from '@eventlead/db';
import { defaultPasswordHasher, type PasswordHasher } from '@eventlead/security';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import { type ApiConfig, loadApiConfig, type TrustProxy } from './config';
import { accessLogPlugin } from './plugins/access-log';
import { authPlugin } from './plugins/auth';
import { bodyPlugin } from './plugins/body';
import { logSafeError } from './log-safe-error';
import { deadlinePlugin } from './plugins/deadline';
import { answerClientError, answerFrameworkError, errorHandlerPlugin } from './plugins/error-handler';
import { openApiPlugin } from './plugins/openapi';
import { ormPlugin } from './plugins/orm';
import { requestContextPlugin } from './plugins/request-context';
import { addSendStep } from './plugins/route-hooks';
import { type RequestLogPluginOptions, requestLogPlugin } from './plugins/request-log';
import { securityPlugin } from './plugins/security';
import { parseQuerystring, validationPlugin } from './plugins/validation';
import { companyRoutes } from './routes/companies';
import { healthRoutes } from './routes/health';
import { refRoutes } from './routes/ref';
import { userRoutes } from './routes/users';

/** What {@link buildApp} needs. */
export interface BuildAppOptions {
  /** The ORM the app's unit of work runs on (the caller owns it and closes it). */
  orm: Orm;
  /** Settings; defaults come from the environment. */
  config?: Partial<ApiConfig>;
  /** A pino logger; without one the app does not log. */
  logger?: FastifyBaseLogger;
  /** Tuning of the log.ApiRequest / log.ApplicationError writers. */
  requestLog?: RequestLogPluginOptions;
  /** Hashes new passwords; its queue bounds concurrent hashing (503 beyond). Default: the process-wide hasher. */
  passwordHasher?: PasswordHasher;
}

// A caller's request id is kept only when it is short and plain (it must fit the request log's request id
// column, 64 characters); anything else gets a fresh UUID.
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * Fastify's `trustProxy` for {@link ApiConfig.trustProxy}. A hop count becomes proxy-addr's own
 * reading of one (trust that many hops from the socket), which fastify 5.12 no longer gives a plain
 * number; a list stays a list of addresses and CIDR ranges.
 */
function fastifyTrustProxy(trust: TrustProxy): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return typeof trust === 'boolean' ? trust : [...trust];
}

/**
 * Builds the application without listening: tests call `app.inject()`, `server.ts` listens.
 * Load order: external plugins → app plugins (validation, orm, request log, auth, request context) → routes.
 * @example const app = await buildApp({ orm }); const res = await app.inject('/health');
 */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const config: ApiConfig = { ...loadApiConfig(), ...options.config };
  // Errors reach the log only through logSafeError, whoever made the logger: driver errors inline
  // the failed statement's values (emails, password hashes) into their messages.
  const logger = options.logger?.child({}, { serializers: { err: logSafeError } });
  const app = Fastify({
    ...(logger ? { loggerInstance: logger } : { logger: false }),
    logController: new LogController({ disableRequestLogging: true }), // one line per request instead, from accessLogPlugin
    bodyLimit: config.bodyLimit,
    requestIdHeader: false,
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    // A malformed percent-encoding in the query string is refused like one in the path (see parseQuerystring).
    // A trailing slash is ignored: `/users/` is `/users` and `/users/2/` is `/users/2`, the routes
    // the OpenAPI document lists. Without it, `/users/` matched `/users/:id` with an empty id (a 400
    // about an id the client never sent) while `/users/2/` was a 404; a client that joins a base URL
    // ending in `/` to a path gets the resource it named instead.
    routerOptions: { maxParamLength: 200, querystringParser: parseQuerystring, ignoreTrailingSlash: true },
    trustProxy: fastifyTrustProxy(config.trustProxy),
    // Node's own 400/431 (a malformed request line, headers over the limit) in the error envelope too.
    clientErrorHandler: answerClientError,
    // URLs the router cannot read (bad percent-encoding, an over-long segment) get the error envelope too.
    frameworkErrors: answerFrameworkError,
    // While closing, a request that still arrives on an open connection is served (with
    // `Connection: close`, below) rather than refused with a 503 outside the error envelope.
    return503OnClosing: false,
  });
  // A deadline for every route that uses the database (answered 503 through the error handler), so a
  // database that stops answering cannot leave requests hanging, and the database work is cancelled.
  await app.register(deadlinePlugin, { requestTimeoutMs: config.requestTimeoutMs });
  // Graceful shutdown: close() only ends connections that are idle when it starts. A keep-alive
  // connection busy at that moment would stay open after its response until keepAliveTimeout,
  // holding close() (and the request-log flush behind it) past the shutdown deadline.
  let closing = false;
  app.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  addSendStep(app, (request, reply) => {
    void reply.header('x-request-id', request.id);
    if (closing) void reply.header('connection', 'close');
  });

  await app.register(accessLogPlugin);
  await app.register(errorHandlerPlugin);
  // Before any plugin or route that takes a body, so that all of them inherit its JSON parser.
  await app.register(bodyPlugin);
  await app.register(securityPlugin, { rateLimitMax: config.rateLimitMax, redisUrl: config.redisUrl });
  await app.register(openApiPlugin);
  await app.register(validationPlugin);
  await app.register(ormPlugin, { orm: options.orm });
  await app.register(requestLogPlugin, options.requestLog ?? {});
  await app.register(authPlugin, { adminTokenSha256: config.adminTokenSha256, authFailureLimitMax: config.authFailureLimitMax });
  // Who acts and the audit context of every unit of work: after the ORM's and the auth's plugins.
  await app.register(requestContextPlugin);

  await app.register(healthRoutes);
  await app.register(refRoutes);
  await app.register(userRoutes, { passwordHasher: options.passwordHasher ?? defaultPasswordHasher });
  await app.register(companyRoutes);
  return app;
}
