import type Database from 'better-sqlite3';
import { accessSync, constants, statfsSync } from 'node:fs';
import { MIN_FREE_DISK_BYTES } from '../../api/limits.ts';
import { StorageUnavailableError, type StorageHealth } from '../errors.ts';
import type { Storage } from '../types.ts';
import type { FileIdentity } from './file-identity.ts';

export interface StorageGuardOptions {
  db: Database.Database;
  /** Folder holding the database: its free space and writability are checked. */
  dataDir: string;
  /** The database (and WAL) file identities recorded at open. */
  files: FileIdentity;
  /** Health fails below this much free space. Default MIN_FREE_DISK_BYTES. */
  minFreeBytes?: number;
  /** How long one failed write keeps health failing when no write succeeds after it. Default 30 s. */
  failureMemoryMs?: number;
  /** Clock in ms, for tests. Default Date.now. */
  now?: () => number;
}

type Unguarded = Omit<Storage, 'health'>;

const WRITES = [
  'createCallback',
  'updateCallbackStatus',
  'markNotificationDelivered',
  'markNotificationFailed',
  'recordQuestions',
  'recordFeedback',
  'deleteOlderThan',
  'saveAccount',
  'removeAccount',
  'setTotpSecret',
  'useTotpStep',
  'createSession',
  'touchSession',
  'deleteSession',
  'deleteSessionsOf',
  'deleteSessionsIdleSince',
  'recordAuthFailure',
  'clearAuthFailures',
  'deleteAuthFailuresBefore',
  'appendAudit',
  'purgeAudit',
  'addRevision',
  'hitLimit',
  'releaseLimit',
  'deleteLimitsBefore',
] as const satisfies readonly (keyof Unguarded)[];

const READS = [
  'listCallbacks',
  'listUnanswered',
  'feedbackSummary',
  'dailyStats',
  'dueNotifications',
  'nextNotificationDue',
  'callbacksVersion',
  'findAccount',
  'listAccounts',
  'findSession',
  'authFailures',
  'listAudit',
  'listRevisions',
  'getRevision',
  'lastRevisions',
] as const satisfies readonly (keyof Unguarded)[];

/** What a SQLite error code says about the storage; `null` for errors that are ours (bugs), not the disk's. */
function diskProblem(error: unknown): { reason: string; lasting: boolean } | null {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) return { reason: 'the database file is damaged', lasting: true };
  if (code === 'SQLITE_FULL') return { reason: 'the disk is full', lasting: false };
  if (code.startsWith('SQLITE_READONLY')) return { reason: 'the data folder is read-only', lasting: false };
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN')) return { reason: 'the disk failed a read or write', lasting: false };
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return { reason: 'the database is locked by another process', lasting: false };
  return null;
}

/**
 * Wraps a store so that it never acknowledges a write the disk may not
 * keep, and can say whether it is healthy:
 * - writes are refused (StorageUnavailableError, a 503) once the database
 *   or WAL file under the path is no longer the one open, and re-checked
 *   after each commit;
 * - disk errors (full, read-only, I/O, damaged) become StorageUnavailableError
 *   and make `health()` fail; damage and a vanished file for good, the rest
 *   until a write succeeds or `failureMemoryMs` passes (a load balancer
 *   that took us out of rotation sends no writes to prove recovery);
 * - `health()` also fails, before any write does, when free space drops
 *   below `minFreeBytes` or the folder stops being writable.
 *
 * @example
 * const storage = guardStorage(rawStorage, { db, dataDir, files: watchFileIdentity({ 'database file': path }) })
 */
export function guardStorage(storage: Unguarded, options: StorageGuardOptions): Storage {
  const { db, dataDir, files } = options;
  const minFreeBytes = options.minFreeBytes ?? MIN_FREE_DISK_BYTES;
  const failureMemoryMs = options.failureMemoryMs ?? 30_000;
  const now = options.now ?? Date.now;
  let broken: string | null = null;
  let lastFailure: { reason: string; at: number } | null = null;
  const probe = db.prepare('SELECT 1 FROM callbacks LIMIT 1');

  const brokenReason = (): string | null => {
    broken ??= files.changed();
    return broken;
  };
  const translate = (error: unknown): unknown => {
    const problem = diskProblem(error);
    if (problem === null) return error;
    if (problem.lasting) broken ??= problem.reason;
    else lastFailure = { reason: problem.reason, at: now() };
    return new StorageUnavailableError(problem.reason, { cause: error });
  };
  const refuseIfBroken = () => {
    const reason = brokenReason();
    if (reason !== null) throw new StorageUnavailableError(reason);
  };

  const guarded = { ...storage } as Unguarded;
  for (const name of WRITES) {
    const write = storage[name] as (...args: unknown[]) => Promise<unknown>;
    (guarded as Record<string, unknown>)[name] = async (...args: unknown[]) => {
      refuseIfBroken();
      let result: unknown;
      try {
        result = await write(...args);
      } catch (error) {
        throw translate(error);
      }
      // The file may have gone while we wrote: then this write is not kept, so it is not acknowledged.
      refuseIfBroken();
      lastFailure = null;
      return result;
    };
  }
  // Reads go on after the file is deleted: the open file is then the only copy, and staff can still export it.
  for (const name of READS) {
    const read = storage[name] as (...args: unknown[]) => Promise<unknown>;
    (guarded as Record<string, unknown>)[name] = async (...args: unknown[]) => {
      try {
        return await read(...args);
      } catch (error) {
        throw translate(error);
      }
    };
  }
  guarded.callbackPages = async function* (query, pageSize) {
    try {
      yield* storage.callbackPages(query, pageSize);
    } catch (error) {
      throw translate(error);
    }
  };

  const check = (): string | null => {
    const reason = brokenReason();
    if (reason !== null) return reason;
    try {
      const disk = statfsSync(dataDir);
      if (disk.bavail * disk.bsize < minFreeBytes) return 'the disk is nearly full';
    } catch {
      return 'the data folder is missing';
    }
    try {
      accessSync(dataDir, constants.W_OK);
    } catch {
      return 'the data folder is not writable';
    }
    if (lastFailure !== null && now() - lastFailure.at < failureMemoryMs) return lastFailure.reason;
    try {
      probe.get();
    } catch (error) {
      translate(error); // remembers lasting damage
      return diskProblem(error)?.reason ?? 'the database cannot be read';
    }
    return null;
  };

  return {
    ...guarded,
    async health(): Promise<StorageHealth> {
      const reason = check();
      return reason === null ? { ok: true } : { ok: false, reason };
    },
  };
}
