import { closeORM, initORM, parseDatabaseUrl, defaultDatabaseUrl } from '@eventlead/db';
import closeWithGrace from 'close-with-grace';
import { buildApp } from './app';
import { loadApiConfig } from './config';
import { devTokenPath, ensureDevAdminToken } from './dev-token';
import { createLogger, flushLogger } from './logger';
import { prepareDatabase } from './prepare-database';

async function main(): Promise<void> {
  const config = loadApiConfig();
  const logger = createLogger(config.logLevel, !config.isProduction);
  const embedded = parseDatabaseUrl(process.env.DATABASE_URL ?? defaultDatabaseUrl()).dialect === 'pglite';

  if (config.adminTokenSha256 === undefined && embedded && !config.isProduction) {
    config.adminTokenSha256 = ensureDevAdminToken();
    logger.info(`No ADMIN_TOKEN_SHA256 set: a local development admin token is in ${devTokenPath()} (send it as "Authorization: Bearer <token>")`);
  }

  const orm = await initORM();
  await prepareDatabase(orm, logger);
  const app = await buildApp({ orm, config, logger });

  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) logger.error({ err }, 'shutting down after an error');
    else logger.info(`${signal ?? 'shutdown'} received: finishing in-flight requests`);
    await app.close();
    await closeORM();
    await flushLogger(logger);
  });

  await app.listen({ host: config.host, port: config.port });
  logger.info(`EventLead API ready at http://localhost:${config.port} (docs: http://localhost:${config.port}/docs)`);
}

main().catch((error: unknown) => {
  // Configuration errors carry a message that says what to set; anything else is unexpected.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
