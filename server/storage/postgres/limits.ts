import type pg from 'pg';
import { windowEnd } from '../limit-window.ts';
import type { LimitStore } from '../types.ts';

/**
 * Rate-limit windows shared by every replica. One UPSERT … RETURNING per
 * hit: the count is read in the statement that raises it, so two replicas
 * can never both see the last free place. Runs on the relaxed pool (no
 * flush wait): a database crash forgetting a second of counts is harmless.
 */
export function pgLimits(relaxed: pg.Pool): LimitStore {
  return {
    async hitLimit(key, windowMs, now) {
      const end = windowEnd(now, windowMs);
      const { rows } = await relaxed.query<{ count: number }>(
        `INSERT INTO rate_limits AS r (key, window_ms, window_end, count) VALUES ($1, $2, $3, 1)
         ON CONFLICT (key, window_ms, window_end) DO UPDATE SET count = r.count + 1 RETURNING count`,
        [key, windowMs, end],
      );
      return { count: rows[0]!.count, resetAt: new Date(end) };
    },
    async releaseLimit(key, windowMs, resetAt) {
      await relaxed.query(`UPDATE rate_limits SET count = count - 1 WHERE key = $1 AND window_ms = $2 AND window_end = $3 AND count > 0`, [
        key,
        windowMs,
        resetAt.getTime(),
      ]);
    },
    async deleteLimitsBefore(cutoff) {
      return (await relaxed.query(`DELETE FROM rate_limits WHERE window_end < $1`, [cutoff.getTime()])).rowCount ?? 0;
    },
  };
}
