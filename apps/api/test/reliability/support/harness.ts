import type { Orm } from '@eventlead/db';
import { createTestDatabase, testDatabaseKinds, type TestDatabase, type TestDatabaseKind } from '@eventlead/db/testing';
import { hashToken } from '@eventlead/security';
import { TestPasswordHasher } from '@eventlead/security/testing';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pino from 'pino';
import { buildApp, type BuildAppOptions } from '../../../src/app';
import { loggerOptions } from '../../../src/logger';
import { ADMIN_TOKEN, adminAuth } from '../../app-harness';
import { checkErrorEnvelope } from './envelope';
import { countStatus, emptyFigures, savePartFigures, type PartFigures } from './report';
import { SecretScanner } from './secrets';

export { ADMIN_TOKEN, adminAuth };

/** Options of {@link describeReliability}. */
export interface ReliabilityOptions {
  /** The databases this part makes sense on (default both; PostgreSQL only when TEST_POSTGRES_URL is set). */
  databases?: readonly TestDatabaseKind[];
  /** Extra `buildApp` options of the main app (config is merged). */
  app?: Partial<Omit<BuildAppOptions, 'orm' | 'logger'>>;
  /** Adds test-only routes to the main app before it is ready. */
  extraRoutes?: (app: FastifyInstance) => void;
}

/** What a reliability test works with. */
export interface ReliabilityContext {
  kind: TestDatabaseKind;
  db: TestDatabase;
  orm: Orm;
  /** The app on `db`, logging into `logs`, with the admin token {@link ADMIN_TOKEN}. */
  app: FastifyInstance;
  figures: PartFigures;
  secrets: SecretScanner;
  /** The apps' logger, writing into `logs`. */
  logger: pino.Logger;
  /** Every log line the apps of this part wrote (pino JSON), plus console warnings and errors. */
  logs: string[];
  /**
   * `app.inject` that counts the answer, keeps it for the secret scan, and checks that every 4xx/5xx
   * is in the error envelope. 5xx statuses in `allow5xx` are counted as expected (an injected fault).
   */
  call(options: InjectOptions, expectation?: { allow5xx?: readonly number[]; app?: FastifyInstance }): Promise<LightMyRequestResponse>;
  /** Counts an answer obtained some other way (a real socket) and keeps it for the scan. */
  record(status: number, body: string, headers: Record<string, unknown>, where: string, allow5xx?: readonly number[]): void;
  /** Another app on the same database and log capture (closed with the suite). */
  buildExtraApp(options?: Partial<Omit<BuildAppOptions, 'orm' | 'logger'>>, orm?: Orm): Promise<FastifyInstance>;
  /** Envelope problems seen so far (4xx/5xx answers not shaped `{ error, details[] }`). */
  envelopeProblems: string[];
  /** Logs a known defect of a package this suite does not fix, for the report. */
  knownDefect(description: string): void;
  /** The warning and error log lines of the request that got `res`. */
  errorLogOf(res: LightMyRequestResponse): string[];
  /** Moves one counted unexpected 5xx to the known-defect column of the report. */
  countAsKnownDefect(description: string): void;
}

/** A bcrypt hasher for the suite: the test hasher's cost 4 and a queue long enough for the concurrency tests. */
export function suiteHasher(): TestPasswordHasher {
  return new TestPasswordHasher({ maxQueue: 1_000 });
}

const MAX_KEPT_BODY = 256 * 1024;
/** A log line at warn, error or fatal level. */
const ERROR_LEVEL = /"level":(4|5|6)0/;
/** Every request id a log line names. */
const REQ_ID = /"reqId":"([^"]*)"/g;

function keep(text: string): string {
  return text.length <= MAX_KEPT_BODY ? text : `${text.slice(0, MAX_KEPT_BODY / 2)}…${text.slice(-MAX_KEPT_BODY / 2)}`;
}

/**
 * Declares a reliability part once per database it makes sense on: `[pglite] <part>` and
 * `[postgresql] <part>`. Each gets its own database (migrated and seeded, never truncated between
 * tests: the tests count rows instead), an app whose logs are captured, and a last test that scans
 * every response and log line of the part for secrets. The part's figures go to the run's report.
 */
export function describeReliability(
  part: string,
  fn: (get: () => ReliabilityContext, kind: TestDatabaseKind) => void,
  options: ReliabilityOptions = {},
): void {
  const wanted = options.databases ?? ['pglite', 'postgresql'];
  const available = testDatabaseKinds();
  for (const kind of wanted) {
    if (!available.includes(kind)) {
      describe.skip(`[${kind}] ${part} (TEST_POSTGRES_URL is not set)`, () => {
        test('skipped', () => undefined);
      });
      continue;
    }
    describe(`[${kind}] ${part}`, () => {
      let context: ReliabilityContext | undefined;
      const extraApps: FastifyInstance[] = [];
      const kept: { where: string; text: string }[] = [];
      let started = Date.now();
      let restoreConsole: (() => void) | undefined;

      beforeAll(async () => {
        started = Date.now();
        const db = await createTestDatabase(kind, { seed: true });
        const figures = emptyFigures(part, kind);
        const secrets = new SecretScanner();
        secrets.addToken('admin token', ADMIN_TOKEN);
        secrets.add('connection string', db.databaseUrl);
        secrets.add('connection string', process.env.TEST_POSTGRES_URL);
        const logs: string[] = [];
        // The error-level lines (warn and above) of each request id. `errorLogOf` is called once per
        // request, and scanning every line each time was quadratic: the lines are indexed once, in
        // order, whoever added them (the logger, the console spies, or a test pushing to `logs`).
        const errorLines = new Map<string, string[]>();
        let indexed = 0;
        const indexNewLines = (): void => {
          if (logs.length < indexed) {
            errorLines.clear();
            indexed = 0;
          }
          for (; indexed < logs.length; indexed += 1) {
            const line = logs[indexed]!;
            if (!ERROR_LEVEL.test(line)) continue;
            for (const id of new Set(Array.from(line.matchAll(REQ_ID), (match) => match[1]!))) {
              const lines = errorLines.get(id);
              if (lines === undefined) errorLines.set(id, [line]);
              else lines.push(line);
            }
          }
        };
        const envelopeProblems: string[] = [];
        const logger = pino(loggerOptions('info', false) as pino.LoggerOptions, { write: (line: string) => logs.push(line) });
        // Libraries below the app (knex reports dropped connections with console.log) write to the
        // console: those lines are log lines too, kept for the scan instead of cluttering the output.
        const spies = (['log', 'warn', 'error'] as const).map((method) =>
          jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
            logs.push(`console.${method}: ${args.map(String).join(' ')}`);
          }),
        );
        restoreConsole = () => {
          for (const spy of spies) spy.mockRestore();
        };

        const make = async (extra: Partial<Omit<BuildAppOptions, 'orm' | 'logger'>> = {}, orm: Orm = db.orm) => {
          const app = await buildApp({
            orm,
            logger,
            passwordHasher: suiteHasher(),
            ...extra,
            // The suite sends many wrong tokens from one address on purpose; the budget has its own test.
            config: { adminTokenSha256: hashToken(ADMIN_TOKEN), rateLimitMax: 1_000_000, authFailureLimitMax: 1_000_000, ...options.app?.config, ...extra.config },
          });
          return app;
        };
        const app = await make(options.app ?? {});
        options.extraRoutes?.(app);
        await app.ready();

        const record: ReliabilityContext['record'] = (status, body, headers, where, allow5xx = []) => {
          countStatus(figures, status, allow5xx.includes(status));
          kept.push({ where, text: keep(`${JSON.stringify(headers)}\n${body}`) });
          if (status >= 400) {
            const problem = checkErrorEnvelope(status, body, headers);
            if (problem !== undefined) envelopeProblems.push(`${where}: ${problem}`);
          }
        };
        context = {
          kind,
          db,
          orm: db.orm,
          app,
          figures,
          secrets,
          logger,
          logs,
          envelopeProblems,
          record,
          async call(injectOptions, expectation = {}) {
            const target = expectation.app ?? app;
            const res = await target.inject(injectOptions);
            const where = `${injectOptions.method ?? 'GET'} ${describeUrl(injectOptions.url)} → ${res.statusCode}`;
            record(res.statusCode, res.body, res.headers, where, expectation.allow5xx);
            return res;
          },
          async buildExtraApp(extra = {}, orm = db.orm) {
            const extraApp = await make(extra, orm);
            extraApps.push(extraApp);
            await extraApp.ready();
            return extraApp;
          },
          errorLogOf(res) {
            const id = res.headers['x-request-id'];
            if (typeof id !== 'string') return [];
            indexNewLines();
            return [...(errorLines.get(id) ?? [])];
          },
          knownDefect(description) {
            if (!figures.knownDefects.includes(description)) figures.knownDefects.push(description);
          },
          countAsKnownDefect(description) {
            this.knownDefect(description);
            figures.unexpected5xx -= 1;
            figures.knownDefect5xx += 1;
          },
        };
      }, 90_000);

      afterAll(async () => {
        try {
          for (const extra of extraApps.splice(0)) await extra.close();
          await context?.app.close();
        } finally {
          restoreConsole?.();
          if (context) {
            context.figures.durationMs = Date.now() - started;
            context.figures.responsesScanned = context.secrets.responsesScanned;
            context.figures.logLinesScanned = context.secrets.logLinesScanned;
            context.figures.secretsFound = context.secrets.findings.length;
            savePartFigures(context.figures);
            await context.db.close();
          }
          context = undefined;
        }
      }, 60_000);

      const get = (): ReliabilityContext => {
        if (!context) throw new Error('The reliability context is built in beforeAll; call get() inside tests.');
        return context;
      };
      fn(get, kind);

      test('no password, hash, token or connection string in any response, log line or log table row of this part', async () => {
        const c = get();
        // Flush what the request log still buffers, then read every stored hash and every log row.
        await c.app.requestLog.requests.flush();
        await c.app.requestLog.errors.flush();
        const connection = c.orm.em.getConnection('write');
        const hashes = await connection.execute<{ h: string }[]>('select "PasswordHash" as h from "dbo"."User"');
        for (const { h } of hashes) c.secrets.add('password hash', h);
        for (const { where, text } of kept) {
          c.secrets.responsesScanned += 1;
          c.secrets.scan(text, `response ${where}`);
        }
        c.secrets.scanLogLines(c.logs, 'log line');
        const errorRows = await connection.execute<{ m: string | null; s: string | null }[]>(
          'select "Message" as m, "StackTrace" as s from "log"."ApplicationError"',
        );
        c.secrets.scanLogLines(errorRows.map((r) => `${r.m ?? ''}\n${r.s ?? ''}`), 'log.ApplicationError');
        const requestRows = await connection.execute<{ p: string; u: string | null }[]>('select "Path" as p, "UserAgent" as u from "log"."ApiRequest"');
        c.secrets.scanLogLines(requestRows.map((r) => `${r.p} ${r.u ?? ''}`), 'log.ApiRequest');
        expect(c.secrets.findings.slice(0, 5)).toEqual([]);
        expect(c.envelopeProblems.slice(0, 5)).toEqual([]);
      }, 60_000);
    });
  }
}

function describeUrl(url: InjectOptions['url']): string {
  const text = typeof url === 'string' ? url : JSON.stringify(url);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
