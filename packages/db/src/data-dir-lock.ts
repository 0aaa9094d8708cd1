import { linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { DatabaseError } from './errors';

/** Who holds an embedded database folder, as written into its lock file. */
export interface DataDirLockHolder {
  /** The holder's process id. */
  readonly pid: number;
  /** The holder's command line (`node dist/server.js`), shortened. */
  readonly command: string;
  /** The holder's host name, as `os.hostname()` gave it. */
  readonly host: string;
  /** ISO 8601 time the lock was taken. */
  readonly since: string;
}

/**
 * Another process (or another ORM of this process) has the embedded database folder open. PGlite is one
 * process's database: a second one writing the same files corrupts or loses data, so it is refused at once.
 */
export class DatabaseLockedError extends DatabaseError {
  /** A stable machine-readable code for logs and API error bodies. */
  readonly code = 'DB_LOCKED';
  /** The HTTP status to answer with: the database is unavailable to this process. */
  readonly statusCode = 503;
  /** The data folder. */
  readonly dataDir: string;
  /** The lock file (`<folder>.lock`). */
  readonly lockFile: string;
  /** Who holds it. */
  readonly holder: DataDirLockHolder;

  constructor(dataDir: string, lockFile: string, holder: DataDirLockHolder) {
    const who = holder.pid === process.pid ? `this process (pid ${holder.pid}), by another ORM` : `pid ${holder.pid} (${holder.command})`;
    const where = holder.host === hostname() ? '' : ` on host ${holder.host}`;
    super(
      `The embedded database ${dataDir} is already open in ${who}${where} since ${holder.since}. ` +
        'PGlite allows one process per folder: stop that process first (its server, or the CLI command), ' +
        'or set DATABASE_URL to another folder (pglite://.data/other) or to a PostgreSQL server. ' +
        `If that process is gone, delete ${lockFile}.`,
    );
    this.dataDir = dataDir;
    this.lockFile = lockFile;
    this.holder = holder;
  }
}

/** The lock a process holds on an embedded database folder; {@link DataDirLock.release} when closing. */
export interface DataDirLock {
  /** The lock file (`<folder>.lock`). */
  readonly lockFile: string;
  /** Removes the lock file if it is still this lock's. Idempotent. */
  release(): void;
}

const MAX_COMMAND_LENGTH = 200;

function currentCommand(): string {
  const text = process.argv.map((arg, i) => (i === 0 ? 'node' : arg.replace(process.cwd() + '/', ''))).join(' ');
  return text.length <= MAX_COMMAND_LENGTH ? text : `${text.slice(0, MAX_COMMAND_LENGTH - 1)}…`;
}

/** True when `pid` is a running process of this machine (signal 0 checks without signalling). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(lockFile: string): DataDirLockHolder | undefined {
  try {
    const value = JSON.parse(readFileSync(lockFile, 'utf8')) as Record<string, unknown>;
    const text = (key: string) => (typeof value[key] === 'string' ? value[key] : '?');
    if (typeof value.pid === 'number' && Number.isInteger(value.pid) && value.pid > 0) {
      return { pid: value.pid, command: text('command'), host: text('host'), since: text('since') };
    }
  } catch {
    // Unreadable or half-written: treated as stale below.
  }
  return undefined;
}

/** A lock left behind by a process that no longer runs (killed, crashed), or a file that is not a lock. */
function isStale(holder: DataDirLockHolder | undefined): boolean {
  return holder === undefined || (holder.host === hostname() && holder.pid !== process.pid && !isAlive(holder.pid));
}

/** Locks of this process, removed when it exits without closing its ORM (Ctrl-C, `process.exit`). */
const heldByThisProcess = new Set<string>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const lockFile of heldByThisProcess) {
      removeIfOurs(lockFile);
    }
  });
}

function removeIfOurs(lockFile: string): void {
  const holder = readHolder(lockFile);
  if (holder?.pid === process.pid && holder.host === hostname()) {
    try {
      unlinkSync(lockFile);
    } catch {
      // Already gone.
    }
  }
}

/**
 * Takes the lock on an embedded database folder: the file `<folder>.lock`, created exclusively, holding the
 * pid, command line, host and time. A lock whose process is gone (same host, pid not running: a crash or
 * `kill -9`) is taken over; a live one, including another ORM of this process, raises
 * {@link DatabaseLockedError} naming the folder and the holder. Synchronous, so nothing else of this process
 * runs between the check and the creation.
 * @example
 * const lock = lockDataDir('/repo/.data/pglite'); // ... open PGlite ... lock.release();
 */
export function lockDataDir(dataDir: string): DataDirLock {
  const lockFile = `${dataDir.replace(/[/\\]+$/, '')}.lock`;
  const me: DataDirLockHolder = { pid: process.pid, command: currentCommand(), host: hostname(), since: new Date().toISOString() };
  // Written whole under a private name, then linked into place: link() fails if the lock exists, and a lock
  // file is never seen half-written.
  const draft = `${lockFile}.${process.pid}.${Date.now()}`;
  writeFileSync(draft, `${JSON.stringify(me)}\n`);
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(draft, lockFile);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const holder = readHolder(lockFile);
        if (!isStale(holder) || attempt > 0) {
          // A live holder, or a stale lock another process took over between our read and our retry.
          throw new DatabaseLockedError(dataDir, lockFile, holder ?? { pid: 0, command: '?', host: '?', since: '?' });
        }
        // Re-read just before removing, so a lock another process took meanwhile is not the one removed.
        if (JSON.stringify(readHolder(lockFile)) === JSON.stringify(holder)) {
          try {
            unlinkSync(lockFile);
          } catch {
            // Someone else removed it first; the retry decides.
          }
        }
      }
    }
  } finally {
    unlinkSync(draft);
  }
  heldByThisProcess.add(lockFile);
  installExitHook();
  let released = false;
  return {
    lockFile,
    release() {
      if (released) return;
      released = true;
      heldByThisProcess.delete(lockFile);
      removeIfOurs(lockFile);
    },
  };
}
