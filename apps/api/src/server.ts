import { closeORM, initORM, parseDatabaseUrl, defaultDatabaseUrl, explainDatabaseFailure } from '@eventlead/db';
import closeWithGrace from 'close-with-grace';
import pino from 'pino';
import { buildApp } from './app';
import { loadApiConfig } from './config';
import { devTokenPath, ensureDevAdminToken } from './dev-token';
import { loggerOptions } from './logger';
import { prepareDatabase } from './prepare-database';

async function main(): Promise<void> {
  const config = loadApiConfig();
  const logger = pino(loggerOptions(config.logLevel, !config.isProduction) as pino.LoggerOptions);
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
  });

  await app.listen({ host: config.host, port: config.port });
  logger.info(`EventLead API ready at http://localhost:${config.port} (docs: http://localhost:${config.port}/docs)`);
}

main().catch((error: unknown) => {
  // Database failures are explained in the CLI's words (what happened, DATABASE_URL's target, what to do);
  // configuration errors carry a message that says what to set.
  console.error(explainDatabaseFailure(error));
  process.exit(1);
});
