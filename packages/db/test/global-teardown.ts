import { tearDownTestTemplates } from '../src/testing/templates';

/** Jest global teardown: drops this run's templates. */
export default async function globalTeardown(): Promise<void> {
  await tearDownTestTemplates();
}
