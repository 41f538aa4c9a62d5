import type { Storage } from '../types.ts';
import { sqliteAccounts } from './accounts.ts';
import { sqliteAnalytics } from './analytics.ts';
import { sqliteAudit } from './audit.ts';
import { sqliteCallbacks } from './callbacks.ts';
import { openDatabase } from './open-database.ts';
import { sqliteOutbox } from './outbox.ts';
import { sqliteRevisions } from './revisions.ts';

/** SQLite storage in `dataDir` (created if missing), schema migrated on open. */
export function openSqliteStorage(dataDir: string): Storage {
  const db = openDatabase(dataDir);
  const purgeCallbacks = db.prepare(`DELETE FROM callbacks WHERE created_at < ?`);
  const purgeUnanswered = db.prepare(`DELETE FROM unanswered WHERE asked_at < ?`);
  const purge = db.transaction((cutoff: string) => ({
    callbacks: purgeCallbacks.run(cutoff).changes,
    unanswered: purgeUnanswered.run(cutoff).changes,
  }));

  return {
    ...sqliteCallbacks(db),
    ...sqliteOutbox(db),
    ...sqliteAnalytics(db),
    ...sqliteAccounts(db),
    ...sqliteAudit(db),
    ...sqliteRevisions(db),
    async deleteOlderThan(cutoff) {
      return purge(cutoff.toISOString());
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
