import { Person, testEntities } from '../test/fixtures/entities';
import { createOrmConfig, type OrmOptions } from './config';
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

describe('DATABASE_DEBUG lines carry no colour codes', () => {
  // MikroORM keeps `colors` in this variable and prefers it to its default at the next init: start
  // each test without what an earlier ORM of this file left there.
  const savedColors = process.env.MIKRO_ORM_COLORS;
  beforeEach(() => {
    delete process.env.MIKRO_ORM_COLORS;
  });
  afterAll(() => {
    process.env.MIKRO_ORM_COLORS = savedColors;
  });

  async function queryLines(overrides: Partial<OrmOptions>): Promise<string[]> {
    const lines: string[] = [];
    const orm = await createORM(
      createOrmConfig({ DATABASE_URL: 'pglite://memory', DATABASE_DEBUG: 'true' }, { entities: testEntities, logger: (message: string) => lines.push(message), ...overrides }),
    );
    try {
      await orm.schema.createSchema();
      await orm.em.fork().findOne(Person, { email: 'someone@example.com' });
    } finally {
      await orm.close(true);
    }
    return lines;
  }

  test('when they go to a configured logger (the app\'s)', async () => {
    const lines = await queryLines({});
    expect(lines.some((line) => line.includes('[query]'))).toBe(true);
    expect(lines.filter((line) => line.includes('\x1b['))).toEqual([]);
  });

  test.each([
    [false, false],
    [true, true],
  ])('on the console: colours only on a terminal (stdout a TTY: %s)', (isTTY, colors) => {
    const saved = Object.getOwnPropertyDescriptor(process.stdout, 'isTTY');
    Object.defineProperty(process.stdout, 'isTTY', { value: isTTY, configurable: true });
    try {
      expect(createOrmConfig({ DATABASE_URL: 'pglite://memory', DATABASE_DEBUG: 'true' }).colors).toBe(colors);
    } finally {
      if (saved) Object.defineProperty(process.stdout, 'isTTY', saved);
      else delete (process.stdout as { isTTY?: boolean }).isTTY;
    }
  });
});
