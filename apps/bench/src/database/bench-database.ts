import { createORM, createOrmConfig, migrateUp, seedReferenceData } from '@eventlead/db';
import pg from 'pg';
import type { DataSetSize } from '../settings';
import {
  COUNT_ROWS,
  INSERT_COMPANIES,
  INSERT_MEMBERSHIPS,
  INSERT_USERS,
  SAMPLE_USERS_WITH_COMPANIES,
  SAMPLE_USERS_WITHOUT_COMPANIES,
} from './seed-sql';

/** How many user ids of each kind the loads rotate through. */
const SAMPLE_SIZE = 1_000;

/** The prepared bench database. */
export interface BenchDatabase {
  /** `postgresql://.../<name>`: what the servers connect to. */
  readonly url: string;
  /** The database's name on the server. */
  readonly name: string;
  /** Row counts after seeding; `liveMemberships` leaves out the soft-deleted ones. */
  readonly rows: { users: number; companies: number; memberships: number; liveMemberships: number };
  /** Live users without memberships (scenario 2) and with three memberships (scenario 4). */
  readonly userIdsWithoutCompanies: number[];
  /** Live user ids, each with three memberships (scenario 4). */
  readonly userIdsWithCompanies: number[];
  /** How long creating and seeding the database took, seconds. */
  readonly seedSeconds: number;
  /** The server's `server_version`, or `unknown`. */
  readonly postgresVersion: string;
}

/** `serverUrl` with its database replaced by `name`. */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Drops the bench database, ending any session still on it. */
export async function dropBenchDatabase(serverUrl: string, name: string): Promise<void> {
  await onServer(serverUrl, `drop database if exists "${name}" with (force)`);
}

/** Builds the schema with the committed migrations and fills the reference tables with the reference seed. */
async function buildSchema(url: string): Promise<void> {
  const orm = await createORM(createOrmConfig({ DATABASE_URL: url, DATABASE_POOL_MAX: '2' }));
  try {
    await migrateUp(orm);
    await seedReferenceData(orm);
  } finally {
    await orm.close(true);
  }
}

/**
 * Creates the bench database afresh (dropping a leftover one), builds the schema with the migrations,
 * and fills it with the data set in a handful of set-based statements.
 */
export async function createBenchDatabase(serverUrl: string, name: string, size: DataSetSize): Promise<BenchDatabase> {
  const started = performance.now();
  await dropBenchDatabase(serverUrl, name);
  await onServer(serverUrl, `create database "${name}"`);
  const url = databaseUrl(serverUrl, name);
  await buildSchema(url);

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(INSERT_COMPANIES, [size.companies]);
    await client.query(INSERT_USERS, [size.users]);
    await client.query(INSERT_MEMBERSHIPS);
    await client.query('analyze');
    const ids = async (sql: string) => (await client.query<{ id: string }>(sql, [SAMPLE_SIZE])).rows.map((r) => Number(r.id));
    const userIdsWithoutCompanies = await ids(SAMPLE_USERS_WITHOUT_COMPANIES);
    const userIdsWithCompanies = await ids(SAMPLE_USERS_WITH_COMPANIES);
    const rows = (await client.query<BenchDatabase['rows']>(COUNT_ROWS)).rows[0];
    const version = (await client.query<{ server_version: string }>('show server_version')).rows[0]?.server_version ?? 'unknown';
    if (rows === undefined || userIdsWithoutCompanies.length === 0 || userIdsWithCompanies.length === 0) {
      throw new Error('The bench data set came out empty.');
    }
    return {
      url,
      name,
      rows,
      userIdsWithoutCompanies,
      userIdsWithCompanies,
      seedSeconds: (performance.now() - started) / 1000,
      postgresVersion: version,
    };
  } finally {
    await client.end();
  }
}
