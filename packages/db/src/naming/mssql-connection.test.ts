import { User, UserStatus } from '@eventlead/models';
import { LockMode } from '@mikro-orm/core';
import { createOrmConfig } from '../config';
import { schemaCheckOptions } from '../conformance/corpus';
import { createRecordingMsSqlOrm, type RecordedStatement, type RecordingOrm } from '../conformance/recording-orm';
import { tsqlViolations } from '../conformance/tsql-checks';
import { createORM } from '../orm';
import { seedReferenceData } from '../seed/seed-reference-data';
import { describeEachDatabase } from '../testing';
import { SolomonMsSqlConnection } from './mssql-connection';
import { MSSQL_MAX_BOUND_PARAMETERS } from './mssql-parameters';

// A value no statement text could hold as it is: a quote, knex's and PostgreSQL's placeholders.
const EMAIL = "o'brien?$1@example.com";

test('the SQL Server driver connects the primary and every replica through SolomonMsSqlConnection', async () => {
  const orm = await createORM(
    createOrmConfig({ DATABASE_URL: 'mssql://sa:unused@db.invalid/EventLead', DATABASE_REPLICA_URLS: 'mssql://ro:unused@replica.invalid/EventLead' }, { connect: false }),
  );
  try {
    expect(orm.em.getConnection('write')).toBeInstanceOf(SolomonMsSqlConnection);
    expect(orm.em.getConnection('read')).toBeInstanceOf(SolomonMsSqlConnection);
    expect(orm.em.getConnection('read')).not.toBe(orm.em.getConnection('write'));
  } finally {
    await orm.close(true);
  }
});

describeEachDatabase("SQL Server connection: the ORM's own statements send their values as parameters (recorded, no server)", (getDb) => {
  let recording: RecordingOrm;
  const logged: string[] = [];
  let writesLogged: string[] = [];
  const sent = (source: string): RecordedStatement[] => recording.statements.filter((s) => s.source === source);

  beforeAll(async () => {
    recording = await createRecordingMsSqlOrm(getDb().orm, {
      debug: ['query'],
      logger: (line: string) => logged.push(line),
      onQuery: (sql: string) => `${sql} /* onQuery */`,
    });
  });
  afterAll(async () => {
    await recording.close();
  });

  test(`the reference seed: batches of up to ${MSSQL_MAX_BOUND_PARAMETERS} values are bound; a larger one is written in as MikroORM writes it; every statement passes the T-SQL checks`, async () => {
    recording.label('seed');
    const counts = await seedReferenceData(recording.orm);
    // Answered by the answering database: the seed ran end to end.
    expect(counts['ref.Country'].total).toBeGreaterThan(200);
    const seed = sent('seed');
    const inserts = seed.filter((s) => s.sql.startsWith('insert into '));
    const bound = inserts.filter((s) => s.parameters > 0);
    const inlined = inserts.filter((s) => s.parameters === 0);
    expect(bound.length).toBeGreaterThan(5);
    // The 249 countries in one insert of MikroORM's (batchSize 300): more values than SQL Server takes.
    expect(inlined.map((s) => /^insert into (\S+)/.exec(s.sql)?.[1])).toContain('[ref].[Country]');
    for (const { sql } of inlined) expect(sql).toContain("N'Australia'");
    expect(Math.max(...seed.map((s) => s.parameters))).toBeLessThanOrEqual(MSSQL_MAX_BOUND_PARAMETERS);
    const options = schemaCheckOptions();
    expect(seed.flatMap((s) => tsqlViolations(s.sql, s.parameters, options).map((problem) => `${problem}: ${s.sql.slice(0, 120)}`))).toEqual([]);
  }, 120_000);

  test('an insert, a find and a locked update inside a transaction: every value a parameter, none in the text, the answers right', async () => {
    recording.label('writes and reads');
    const firstLine = logged.length;
    const em = recording.orm.em.fork();
    const status = await em.findOneOrFail(UserStatus, { code: 'active' });
    const user = em.create(User, { email: EMAIL, passwordHash: 'x', lastName: 'Brien', status } as never);
    await em.flush();
    const found = await recording.orm.em.fork().findOne(User, { email: EMAIL });
    expect(found?.id).toBe(user.id);
    await recording.orm.em.fork().transactional(async (tx) => {
      const locked = await tx.findOneOrFail(User, { email: EMAIL }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      locked.roleTitle = 'Owner';
    });
    writesLogged = logged.slice(firstLine);
    const statements = sent('writes and reads');
    expect(statements.length).toBeGreaterThan(3);
    for (const { sql, parameters } of statements) {
      expect({ sql, parameters: parameters > 0, valuesInText: /brien|Owner|'/i.test(sql) }).toEqual({ sql, parameters: true, valuesInText: false });
    }
    const byEmail = statements.filter((s) => s.sql.includes('[Email] = @p'));
    expect(byEmail.length).toBeGreaterThan(1);
    for (const { values } of byEmail) expect(values.map(String)).toContain(EMAIL);
    expect(statements.some((s) => s.sql.startsWith('update [User] set [RoleTitle] = @p') && s.values.map(String).includes('Owner'))).toBe(true);
    expect(statements.some((s) => s.sql.includes('WITH (UPDLOCK, ROWLOCK) ') && s.sql.includes('[Email] = @p'))).toBe(true);
  });

  test("MikroORM's onQuery hook applies once, and the query log shows the text with @p, never a value", () => {
    const statements = sent('writes and reads');
    for (const { sql } of statements) expect(sql.match(/\/\* onQuery \*\//g)).toHaveLength(1);
    const statementLines = writesLogged.filter((line) => line.includes('[User]'));
    expect(statementLines.length).toBeGreaterThan(3);
    for (const line of statementLines) expect(line).toMatch(/@p0/);
    for (const line of writesLogged) expect(line).not.toMatch(/brien|Owner/i);
  });
}, { resetAfterEach: false });
