import type Database from 'better-sqlite3';
import type { FeedbackSummary, UnansweredQuestion } from '../../api/contract.ts';
import { daysBetween, nextDay } from '../days.ts';
import type { AnalyticsStore, QuestionEvent } from '../types.ts';


/**
 * The statistics writes as transaction functions, for the writer thread (or
 * a caller on its own connection). A batch of questions becomes one UPSERT
 * per day and kind, not one per question.
 */
export function analyticsWrites(db: Database.Database) {
  const count = db.prepare(
    `INSERT INTO question_counts (day, kind, count) VALUES (?, ?, ?)
     ON CONFLICT (day, kind) DO UPDATE SET count = count + excluded.count`,
  );
  const unanswered = db.prepare(`INSERT INTO unanswered (asked_at, key, text, lang) VALUES (?, ?, ?, ?)`);
  const insertFeedback = db.prepare(`INSERT INTO feedback (created_at, entry_id, helpful) VALUES (?, ?, ?)`);
  const insertNote = db.prepare(`INSERT INTO unanswered (asked_at, key, text, entry_id) VALUES (?, ?, ?, ?)`);
  return {
    recordQuestions: db.transaction((events: QuestionEvent[]) => {
      const perDay = new Map<string, number>();
      for (const e of events) {
        const at = e.at.toISOString();
        const key = `${at.slice(0, 10)} ${e.kind}`;
        perDay.set(key, (perDay.get(key) ?? 0) + 1);
        if (e.unanswered) unanswered.run(at, e.unanswered.key, e.unanswered.text, e.lang ?? null);
      }
      for (const [key, n] of perDay) {
        const [day, kind] = key.split(' ') as [string, string];
        count.run(day, kind, n);
      }
    }),
    recordFeedback: db.transaction((entryId: string, helpful: boolean, at: Date, missing?: { key: string; text: string }) => {
      const when = at.toISOString();
      insertFeedback.run(when, entryId, helpful ? 1 : 0);
      if (missing) insertNote.run(when, missing.key, missing.text, entryId);
    }),
  };
}

export function sqliteAnalytics(db: Database.Database): AnalyticsStore {
  const writes = analyticsWrites(db);
  // SQLite fills a bare column from the row that supplied MAX(), so `text` is the newest wording.
  const listUnanswered = db.prepare<[string | null, string | null, number], UnansweredQuestion>(
    `SELECT key, COUNT(*) AS count, text AS example, MAX(asked_at) AS lastAskedAt, entry_id AS entryId, lang
     FROM unanswered WHERE (? IS NULL OR lang = ?) GROUP BY key ORDER BY count DESC, lastAskedAt DESC LIMIT ?`,
  );
  const summary = db.prepare<[], FeedbackSummary>(
    `SELECT entry_id AS entryId, SUM(helpful) AS helpful, SUM(1 - helpful) AS notHelpful
     FROM feedback GROUP BY entry_id ORDER BY notHelpful DESC, entryId`,
  );
  const questionsPerDay = db.prepare<[string, string], { day: string; n: number }>(
    `SELECT day, SUM(count) AS n FROM question_counts WHERE day BETWEEN ? AND ? GROUP BY day`,
  );
  const callbacksPerDay = db.prepare<[string, string], { day: string; n: number }>(
    `SELECT substr(created_at, 1, 10) AS day, COUNT(*) AS n FROM callbacks
     WHERE created_at >= ? AND created_at < ? GROUP BY day`,
  );

  return {
    async recordQuestions(events) {
      if (events.length > 0) writes.recordQuestions(events);
    },
    async listUnanswered(limit, lang) {
      return listUnanswered.all(lang ?? null, lang ?? null, limit);
    },
    async recordFeedback(entryId, helpful, at, missing) {
      writes.recordFeedback(entryId, helpful, at, missing);
    },
    async feedbackSummary() {
      return summary.all();
    },
    async dailyStats(sinceDay, untilDay) {
      const questions = new Map(questionsPerDay.all(sinceDay, untilDay).map((r) => [r.day, r.n]));
      const callbacks = new Map(callbacksPerDay.all(sinceDay, nextDay(untilDay)).map((r) => [r.day, r.n]));
      return daysBetween(sinceDay, untilDay).map((day) => ({
        day,
        questions: questions.get(day) ?? 0,
        callbacks: callbacks.get(day) ?? 0,
      }));
    },
  };
}
