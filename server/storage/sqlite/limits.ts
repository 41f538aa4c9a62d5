import Database from 'better-sqlite3';
import { join } from 'node:path';
import { windowEnd } from '../limit-window.ts';
import type { LimitStore } from '../types.ts';

export const LIMITS_FILE = 'clinic-chat-limits.db';

/** The windows' table: once in the main file (migration 6, until 7 moved it), now in the limits file. */
export const RATE_LIMITS_SCHEMA = `
  CREATE TABLE IF NOT EXISTS rate_limits (
    key TEXT NOT NULL,
    window_ms INTEGER NOT NULL,
    window_end INTEGER NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (key, window_ms, window_end)
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS rate_limits_by_end ON rate_limits (window_end);
`;

/**
 * The rate-limit windows' own file beside the database. Kept apart so that
 * counting a hit on the request path never queues behind a callback
 * commit's fsync for the main file's write lock (those can take
 * milliseconds; these transactions take microseconds). Windows are worth
 * nothing after a crash, so commits are not synced (`synchronous=NORMAL`,
 * which WAL keeps consistent); the busy timeout lets cluster workers queue
 * for the lock rather than fail.
 */
export function openLimitsDatabase(dataDir: string): Database.Database {
  const db = new Database(join(dataDir, LIMITS_FILE));
  try {
    // First, so that even switching to WAL waits for another process opening the file at the same moment.
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec(RATE_LIMITS_SCHEMA);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Rate-limit windows in SQLite, so several processes on one file (cluster
 * workers) share them. One UPSERT … RETURNING per hit: the count is read in
 * the same statement that raises it, so two processes can never both see
 * the last free place.
 *
 * @example
 * const limits = sqliteLimits(openLimitsDatabase('./data'));
 * const { count, resetAt } = await limits.hitLimit('203.0.113.7', 60_000, new Date());
 */
export function sqliteLimits(db: Database.Database): LimitStore {
  const hit = db.prepare<[string, number, number], { count: number }>(
    `INSERT INTO rate_limits (key, window_ms, window_end, count) VALUES (?, ?, ?, 1)
     ON CONFLICT (key, window_ms, window_end) DO UPDATE SET count = count + 1
     RETURNING count`,
  );
  const release = db.prepare(
    `UPDATE rate_limits SET count = count - 1 WHERE key = ? AND window_ms = ? AND window_end = ? AND count > 0`,
  );
  const purge = db.prepare(`DELETE FROM rate_limits WHERE window_end < ?`);

  return {
    async hitLimit(key, windowMs, now) {
      const end = windowEnd(now, windowMs);
      return { count: hit.get(key, windowMs, end)!.count, resetAt: new Date(end) };
    },
    async releaseLimit(key, windowMs, resetAt) {
      release.run(key, windowMs, resetAt.getTime());
    },
    async deleteLimitsBefore(cutoff) {
      return purge.run(cutoff.getTime()).changes;
    },
  };
}
