import { Person, testEntities } from '../test/fixtures/entities';
import { createOrmConfig } from './config';
import { createORM } from './orm';

test('with DATABASE_DEBUG on, queries are logged but their parameters are not', async () => {
  const lines: string[] = [];
  const orm = await createORM(
    createOrmConfig(
      { DATABASE_URL: 'pglite://memory', DATABASE_DEBUG: 'true' },
      { entities: testEntities, logger: (message: string) => lines.push(message), colors: false },
    ),
  );
  try {
    await orm.schema.createSchema();
    const em = orm.em.fork();
    em.create(Person, { email: 'private.person@example.com' });
    await em.flush();
    await orm.em.fork().findOne(Person, { email: 'private.person@example.com' });
  } finally {
    await orm.close(true);
  }
  const log = lines.join('\n');
  expect(log).toMatch(/insert into "dbo"\."Person"/);
  expect(log).toMatch(/select .* from "dbo"\."Person"/);
  expect(log).not.toContain('private.person@example.com');
});
