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
  /**
   * When the holder process started, in clock ticks since boot (Linux: field 22 of `/proc/<pid>/stat`), so
   * that a later process given the same pid is not taken for the holder. Absent elsewhere and in older locks.
   */
  readonly started?: number;
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

/** A process as Linux reports it in `/proc/<pid>/stat`: its state letter and start time; undefined elsewhere or when gone. */
function procStat(pid: number): { state: string; started: number } | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // "pid (command) state ppid …": the command may hold spaces and parentheses; the fields after the last ")" do not.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const started = Number(fields[19]);
  return fields[0] === undefined || !Number.isSafeInteger(started) ? undefined : { state: fields[0], started };
}

/** This process's start time for {@link DataDirLockHolder.started} (Linux), else undefined. */
function ownStartTime(): number | undefined {
  return process.platform === 'linux' ? procStat(process.pid)?.started : undefined;
}

/**
 * True when the holder `pid` still runs on this machine. On Linux, from `/proc`: a zombie (killed, not yet
 * reaped by its parent) has stopped, and a process that started at another time than the lock says is a
 * new one given a reused pid. Elsewhere, signal 0 checks without signalling.
 */
function isAlive(pid: number, started: number | undefined): boolean {
  // Not in /proc (gone, or hidden from this user by hidepid): signal 0 decides.
  const stat = process.platform === 'linux' ? procStat(pid) : undefined;
  if (stat !== undefined) {
    return stat.state !== 'Z' && stat.state !== 'X' && (started === undefined || stat.started === started);
  }
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
      const started = typeof value.started === 'number' && Number.isSafeInteger(value.started) ? value.started : undefined;
      return { pid: value.pid, command: text('command'), host: text('host'), since: text('since'), ...(started === undefined ? {} : { started }) };
    }
  } catch {
    // Unreadable or half-written: treated as stale below.
  }
  return undefined;
}

/** A lock left behind by a process that no longer runs (killed, crashed), or a file that is not a lock. */
function isStale(holder: DataDirLockHolder | undefined): boolean {
  return holder === undefined || (holder.host === hostname() && holder.pid !== process.pid && !isAlive(holder.pid, holder.started));
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
  const started = ownStartTime();
  const me: DataDirLockHolder = {
    pid: process.pid,
    command: currentCommand(),
    host: hostname(),
    since: new Date().toISOString(),
    ...(started === undefined ? {} : { started }),
  };
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
