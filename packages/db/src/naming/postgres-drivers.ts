import { createRequire } from 'node:module';
import type { Configuration } from '@mikro-orm/core';
import { PostgreSqlDriver, type PostgreSqlPlatform } from '@mikro-orm/postgresql';
import type * as MikroOrmPGlite from 'mikro-orm-pglite' with { 'resolution-mode': 'import' };
import { lockDataDir, type DataDirLock } from '../data-dir-lock';
import { checkEmbeddedFolder, checkOpenedEmbeddedFolder, createEmbeddedFolder, initEmbeddedFolder } from '../embedded-folder';
import { SolomonPostgreSqlPlatform } from './postgres-platform';

// mikro-orm-pglite is an ES module package that also ships a CommonJS build (its `require` export
// condition); TypeScript's Node16 mode refuses a static import of it from this CommonJS package.
const { PGliteDriver } = createRequire(__filename)('mikro-orm-pglite') as typeof MikroOrmPGlite;

/**
 * Both drivers hard-wire a plain PostgreSqlPlatform in their constructors; swap it before the
 * Configuration reads it back through getPlatform() and wires it into connections and metadata.
 */
function useSolomonPlatform(driver: object): void {
  (driver as { platform: PostgreSqlPlatform }).platform = new SolomonPostgreSqlPlatform();
}

/** MikroORM's PostgreSQL driver with {@link SolomonPostgreSqlPlatform}. */
export class SolomonPostgreSqlDriver extends PostgreSqlDriver {
  constructor(config: Configuration) {
    super(config);
    useSolomonPlatform(this);
  }
}

/**
 * The embedded PGlite driver (mikro-orm-pglite) with {@link SolomonPostgreSqlPlatform}. It also
 * creates the data folder (`driverOptions.connection.filename`) before connecting: PGlite does not
 * create missing parents, and `.data/pglite` does not exist in a fresh checkout. It locks the folder
 * for this process while connected ({@link lockDataDir}): a second server or CLI on the same folder is
 * refused with a `DatabaseLockedError` instead of writing the same files. A new database is built aside
 * and renamed into place ({@link initEmbeddedFolder}), and a folder that is not a whole database is
 * refused with the fix, before and after PGlite opens it. `pglite://memory` has no folder and no lock.
 */
export class SolomonPGliteDriver extends PGliteDriver {
  private lock: DataDirLock | undefined;

  constructor(config: Configuration) {
    super(config);
    useSolomonPlatform(this);
  }

  override async connect(): Promise<Awaited<ReturnType<InstanceType<typeof PGliteDriver>['connect']>>> {
    const options = this.config.get<'driverOptions', { connection?: { filename?: unknown } }>('driverOptions');
    const dataDir = options.connection?.filename;
    if (typeof dataDir === 'string' && dataDir !== '') {
      await createEmbeddedFolder(dataDir);
      this.lock ??= lockDataDir(dataDir);
      try {
        checkEmbeddedFolder(dataDir);
        await initEmbeddedFolder(dataDir);
      } catch (error) {
        this.releaseLock();
        throw error;
      }
    }
    try {
      const connection = await super.connect();
      if (typeof dataDir === 'string' && dataDir !== '') {
        await checkOpenedEmbeddedFolder(dataDir, (sql) => connection.execute<unknown[]>(sql));
      }
      return connection;
    } catch (error) {
      // A PGlite that aborted cannot be closed cleanly; the lock goes regardless.
      await super.close(true).catch(() => undefined);
      this.releaseLock();
      throw error;
    }
  }

  override async close(force?: boolean): Promise<void> {
    try {
      await super.close(force);
    } finally {
      this.releaseLock();
    }
  }

  private releaseLock(): void {
    this.lock?.release();
    this.lock = undefined;
  }
}
