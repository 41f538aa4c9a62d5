import type { Storage } from '../types.ts';
import { sqliteAccounts } from './accounts.ts';
import { sqliteAnalytics } from './analytics.ts';
import { sqliteAudit } from './audit.ts';
import { sqliteCallbacks } from './callbacks.ts';
import { watchFileIdentity } from './file-identity.ts';
import { guardStorage, type StorageGuardOptions } from './guard.ts';
import { sqliteLimits } from './limits.ts';
import { databasePath, openDatabase } from './open-database.ts';
import { sqliteOutbox } from './outbox.ts';
import { sqliteRevisions } from './revisions.ts';

/** Health thresholds; see `guardStorage`. */
export type SqliteStorageOptions = Pick<StorageGuardOptions, 'minFreeBytes' | 'failureMemoryMs' | 'now'>;

/**
 * SQLite storage in `dataDir` (created if missing), schema migrated on open.
 * Throws on a damaged file, saying what to do.
 */
export function openSqliteStorage(dataDir: string, options: SqliteStorageOptions = {}): Storage {
  const db = openDatabase(dataDir);
  const file = databasePath(dataDir);
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
      ...sqliteLimits(db),
      async deleteOlderThan(cutoff) {
        return purge(cutoff.toISOString());
      },
      async close() {
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
