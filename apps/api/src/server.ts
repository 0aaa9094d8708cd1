import { buildApp } from './app';
import { loadApiConfig } from './config';

async function main(): Promise<void> {
  const config = loadApiConfig();
  const app = await buildApp({ config, logger: { level: config.logLevel } as never });
  const address = await app.listen({ host: config.host, port: config.port });
  app.log.info(`EventLead API listening on ${address}`);
}

void main();
