import type pg from 'pg';
import type { FeedbackSummary, UnansweredQuestion } from '../../api/contract.ts';
import { daysBetween, nextDay } from '../days.ts';
import type { AnalyticsStore } from '../types.ts';
import { inTransaction } from './pool.ts';

export interface PgAnalyticsPools {
  /** Reads, and the callbacks counted per day. */
  pool: pg.Pool;
  /**
   * Connections with `synchronous_commit = off`: statistics never wait for
   * a disk flush. A database crash may lose the last fraction of a second of
   * counts; the data stays consistent, and callbacks keep their own durable
   * connections.
   */
  relaxed: pg.Pool;
}

// The newest row of each group supplies the example wording, the answer it was about and its language.
const newest = (column: string) => `(array_agg(${column} ORDER BY asked_at DESC, id DESC))[1]`;

export function pgAnalytics({ pool, relaxed }: PgAnalyticsPools): AnalyticsStore {
  return {
    async recordQuestions(events) {
      if (events.length === 0) return;
      // One UPSERT per day and kind, in a fixed order: replicas flushing at the same moment then take
      // the count rows' locks in the same order and never deadlock (they did, in event order).
      const counts = new Map<string, { day: string; kind: string; n: number }>();
      for (const e of events) {
        const day = e.at.toISOString().slice(0, 10);
        const key = `${day} ${e.kind}`;
        const row = counts.get(key) ?? { day, kind: e.kind, n: 0 };
        row.n += 1;
        counts.set(key, row);
      }
      await inTransaction(relaxed, async (db) => {
        for (const key of [...counts.keys()].sort()) {
          const { day, kind, n } = counts.get(key)!;
          await db.query(
            `INSERT INTO question_counts (day, kind, count) VALUES ($1, $2, $3)
             ON CONFLICT (day, kind) DO UPDATE SET count = question_counts.count + EXCLUDED.count`,
            [day, kind, n],
          );
        }
        for (const e of events) {
          if (e.unanswered) {
            await db.query(`INSERT INTO unanswered (asked_at, key, text, lang) VALUES ($1, $2, $3, $4)`, [e.at.toISOString(), e.unanswered.key, e.unanswered.text, e.lang ?? null]);
          }
        }
      });
    },
    async listUnanswered(limit, lang) {
      const { rows } = await pool.query<UnansweredQuestion>(
        `SELECT key, COUNT(*) AS count, ${newest('text')} AS example, MAX(asked_at) AS "lastAskedAt",
                ${newest('entry_id')} AS "entryId", ${newest('lang')} AS lang
         FROM unanswered WHERE ($1::text IS NULL OR lang = $1) GROUP BY key ORDER BY count DESC, "lastAskedAt" DESC LIMIT $2`,
        [lang ?? null, limit],
      );
      return rows;
    },
    async recordFeedback(entryId, helpful, at, missing) {
      await inTransaction(relaxed, async (db) => {
        await db.query(`INSERT INTO feedback (created_at, entry_id, helpful) VALUES ($1, $2, $3)`, [at.toISOString(), entryId, helpful ? 1 : 0]);
        if (missing) {
          await db.query(`INSERT INTO unanswered (asked_at, key, text, entry_id) VALUES ($1, $2, $3, $4)`, [at.toISOString(), missing.key, missing.text, entryId]);
        }
      });
    },
    async feedbackSummary() {
      const { rows } = await pool.query<FeedbackSummary>(
        `SELECT entry_id AS "entryId", SUM(helpful) AS helpful, SUM(1 - helpful) AS "notHelpful"
         FROM feedback GROUP BY entry_id ORDER BY "notHelpful" DESC, "entryId"`,
      );
      return rows;
    },
    async dailyStats(sinceDay, untilDay) {
      const [questions, callbacks] = await Promise.all([
        pool.query<{ day: string; n: number }>(`SELECT day, SUM(count) AS n FROM question_counts WHERE day BETWEEN $1 AND $2 GROUP BY day`, [sinceDay, untilDay]),
        pool.query<{ day: string; n: number }>(
          `SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, COUNT(*) AS n FROM callbacks
           WHERE created_at >= $1::date AT TIME ZONE 'UTC' AND created_at < $2::date AT TIME ZONE 'UTC' GROUP BY day`,
          [sinceDay, nextDay(untilDay)],
        ),
      ]);
      const q = new Map(questions.rows.map((r) => [r.day, r.n]));
      const c = new Map(callbacks.rows.map((r) => [r.day, r.n]));
      return daysBetween(sinceDay, untilDay).map((day) => ({ day, questions: q.get(day) ?? 0, callbacks: c.get(day) ?? 0 }));
    },
  };
}
