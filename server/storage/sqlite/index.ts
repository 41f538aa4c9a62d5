import type { Storage } from '../types.ts';
import { sqliteAccounts } from './accounts.ts';
import { sqliteAnalytics } from './analytics.ts';
import { sqliteAudit } from './audit.ts';
import { sqliteCallbacks } from './callbacks.ts';
import { watchFileIdentity } from './file-identity.ts';
import { guardStorage, type StorageGuardOptions } from './guard.ts';
import { openLimitsDatabase, sqliteLimits } from './limits.ts';
import { databasePath, openDatabase } from './open-database.ts';
import { sqliteOutbox } from './outbox.ts';
import { sqliteRevisions } from './revisions.ts';
import { startWriterThread } from './writer.ts';

/** Health thresholds; see `guardStorage`. */
export type SqliteStorageOptions = Pick<StorageGuardOptions, 'minFreeBytes' | 'failureMemoryMs' | 'now'>;

/**
 * SQLite storage in `dataDir` (created if missing), schema migrated on open.
 * Throws on a damaged file, saying what to do.
 *
 * The request path's writes (callbacks, statistics, feedback) go to a writer
 * thread with its own connection and group commit, so their fsync never
 * holds the event loop; reads and staff writes use this connection (WAL
 * lets both go on at once). Rate-limit windows live in a file of their own.
 */
export function openSqliteStorage(dataDir: string, options: SqliteStorageOptions = {}): Storage {
  const db = openDatabase(dataDir);
  const file = databasePath(dataDir);
  const limitsDb = openLimitsDatabase(dataDir);
  const writer = startWriterThread(file);
  const purgeCallbacks = db.prepare(`DELETE FROM callbacks WHERE created_at < ?`);
  const purgeUnanswered = db.prepare(`DELETE FROM unanswered WHERE asked_at < ?`);
  const purge = db.transaction((cutoff: string) => ({
    callbacks: purgeCallbacks.run(cutoff).changes,
    unanswered: purgeUnanswered.run(cutoff).changes,
  }));

  return guardStorage(
    {
      ...sqliteCallbacks(db),
      ...sqliteOutbox(db),
      ...sqliteAnalytics(db),
      ...sqliteAccounts(db),
      ...sqliteAudit(db),
      ...sqliteRevisions(db),
      ...sqliteLimits(limitsDb),
      createCallback: (callback) => writer.run('createCallback', callback),
      recordQuestions: async (events) => {
        if (events.length > 0) await writer.run('recordQuestions', events);
      },
      recordFeedback: (entryId, helpful, at, missing) => writer.run('recordFeedback', entryId, helpful, at, missing),
      async deleteOlderThan(cutoff) {
        return purge(cutoff.toISOString());
      },
      async close() {
        await writer.close();
        if (limitsDb.open) limitsDb.close();
        if (db.open) db.close();
      },
    },
    {
      ...options,
      db,
      dataDir,
      files: watchFileIdentity({ 'database file': file, 'database WAL file': `${file}-wal` }),
    },
  );
}
