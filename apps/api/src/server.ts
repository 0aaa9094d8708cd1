import { closeORM, initORM, parseDatabaseUrl, resolveDatabaseUrl, explainDatabaseFailure } from '@eventlead/db';
import closeWithGrace from 'close-with-grace';
import type pino from 'pino';
import { buildApp } from './app';
import { loadApiConfig } from './config';
import { devTokenPath, ensureDevAdminToken } from './dev-token';
import { explainListenFailure } from './listen-failure';
import { createLogger, databaseLogWriter, flushLogger } from './logger';
import { checkReplicas, describeDatabase, prepareDatabase } from './prepare-database';

/** The signals that stop the server gracefully; close-with-grace keeps handling the others. */
const SHUTDOWN_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * A repeat of the first signal within this window is the same request delivered twice: on Ctrl-C the
 * terminal signals the whole process group and `pnpm start` passes the signal on to the server as well.
 * close-with-grace would take that copy for an impatient second Ctrl-C and exit 1 mid-shutdown.
 */
const DUPLICATE_SIGNAL_MS = 1000;

/**
 * Calls `close` on the first SIGINT/SIGTERM (the shutdown then exits 0), ignores the copy of it that
 * arrives at once, and exits 1 on a real second signal (someone pressing Ctrl-C again to stop waiting).
 */
function onShutdownSignal(logger: pino.Logger, close: () => void): void {
  let firstAt: number | undefined;
  for (const signal of SHUTDOWN_SIGNALS) {
    process.on(signal, () => {
      const now = Date.now();
      if (firstAt === undefined) {
        firstAt = now;
        logger.info(`${signal} received: finishing in-flight requests`);
        close();
      } else if (now - firstAt >= DUPLICATE_SIGNAL_MS) {
        logger.warn(`second ${signal}: exiting without waiting for in-flight requests`);
        process.exit(1);
      }
    });
  }
}

async function main(): Promise<void> {
  const config = loadApiConfig();
  const logger = createLogger(config.logLevel, !config.isProduction);
  // The reading initORM() makes too: one owner, so the log names the database the ORM opens.
  const database = resolveDatabaseUrl();
  const embedded = parseDatabaseUrl(database.url).dialect === 'pglite';

  if (config.adminTokenSha256 === undefined && embedded && !config.isProduction) {
    config.adminTokenSha256 = ensureDevAdminToken();
    logger.info(`No ADMIN_TOKEN_SHA256 set: a local development admin token is in ${devTokenPath()} (send it as "Authorization: Bearer <token>")`);
  } else if (config.adminTokenSha256 === undefined) {
    logger.warn(
      'ADMIN_TOKEN_SHA256 is not set: the admin routes (/users, /companies) answer 401 to every request. Set it to the SHA-256 (hex) of your admin token; see the README\'s Configuration.',
    );
  }

  logger.info(`database: ${describeDatabase(database)}`);
  const orm = await initORM({ logger: databaseLogWriter(logger) });
  await prepareDatabase(orm, logger);
  await checkReplicas(orm, logger);
  const app = await buildApp({ orm, config, logger });

  const shutdown = closeWithGrace({ delay: config.shutdownGraceMs, skip: [...SHUTDOWN_SIGNALS] }, async ({ signal, err }) => {
    if (err) logger.error({ err }, 'shutting down after an error');
    else if (signal) logger.info(`${signal} received: finishing in-flight requests`);
    await app.close();
    await closeORM();
    await flushLogger(logger);
  });
  onShutdownSignal(logger, () => {
    shutdown.close();
  });

  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    // Said in the operator's terms (PORT, HOST), then ended like every other start-up failure below.
    const explained = explainListenFailure(error, config.host, config.port);
    throw explained === undefined ? error : new Error(explained, { cause: error });
  }
  logger.info(`EventLead API ready at http://localhost:${config.port} (docs: http://localhost:${config.port}/docs)`);
}

main().catch((error: unknown) => {
  // Database failures are explained in the CLI's words (what happened, DATABASE_URL's target, what to do);
  // configuration errors carry a message that says what to set.
  console.error(explainDatabaseFailure(error));
  process.exit(1);
});
