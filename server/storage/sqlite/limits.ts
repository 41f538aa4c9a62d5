import type Database from 'better-sqlite3';
import { windowEnd } from '../limit-window.ts';
import type { LimitStore } from '../types.ts';

/**
 * Rate-limit windows in the SQLite file, so several processes on one file
 * (cluster workers) share them. One UPSERT … RETURNING per hit: the count
 * is read in the same statement that raises it, so two processes can never
 * both see the last free place.
 *
 * @example
 * const limits = sqliteLimits(db);
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
