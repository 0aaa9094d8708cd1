import { closeORM, initORM } from '@eventlead/db';
import closeWithGrace from 'close-with-grace';
import pino from 'pino';
import { buildApp } from './app';
import { loadApiConfig } from './config';
import { loggerOptions } from './logger';

async function main(): Promise<void> {
  const config = loadApiConfig();
  const logger = pino(loggerOptions(config.logLevel, !config.isProduction) as pino.LoggerOptions);
  const orm = await initORM();
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
  // Configuration errors carry a message that says what to set; the rest goes out as a stack.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
