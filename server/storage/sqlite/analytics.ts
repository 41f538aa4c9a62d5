import type Database from 'better-sqlite3';
import type { FeedbackSummary, UnansweredQuestion } from '../../api/contract.ts';
import { daysBetween, nextDay } from '../days.ts';
import type { AnalyticsStore, QuestionEvent } from '../types.ts';


/**
 * Runs `write` as a transaction committed with `synchronous=NORMAL`: no fsync,
 * so statistics never stall the event loop (a FULL commit can block for tens
 * of ms). WAL keeps the file consistent; a power cut may lose the last
 * batch of counts. FULL is restored at once, so callback commits stay
 * durable, and their fsync also covers these earlier WAL frames.
 */
function withoutSync<A extends unknown[]>(db: Database.Database, write: (...args: A) => void): (...args: A) => void {
  const tx = db.transaction(write);
  return (...args) => {
    db.pragma('synchronous = NORMAL');
    try {
      tx(...args);
    } finally {
      db.pragma('synchronous = FULL');
    }
  };
}

export function sqliteAnalytics(db: Database.Database): AnalyticsStore {
  const count = db.prepare(
    `INSERT INTO question_counts (day, kind, count) VALUES (?, ?, 1)
     ON CONFLICT (day, kind) DO UPDATE SET count = count + 1`,
  );
  const unanswered = db.prepare(`INSERT INTO unanswered (asked_at, key, text, lang) VALUES (?, ?, ?, ?)`);
  const record = withoutSync(db, (events: QuestionEvent[]) => {
    for (const e of events) {
      const at = e.at.toISOString();
      count.run(at.slice(0, 10), e.kind);
      if (e.unanswered) unanswered.run(at, e.unanswered.key, e.unanswered.text, e.lang ?? null);
    }
  });
  // SQLite fills a bare column from the row that supplied MAX(), so `text` is the newest wording.
  const listUnanswered = db.prepare<[string | null, string | null, number], UnansweredQuestion>(
    `SELECT key, COUNT(*) AS count, text AS example, MAX(asked_at) AS lastAskedAt, entry_id AS entryId, lang
     FROM unanswered WHERE (? IS NULL OR lang = ?) GROUP BY key ORDER BY count DESC, lastAskedAt DESC LIMIT ?`,
  );
  const insertFeedback = db.prepare(`INSERT INTO feedback (created_at, entry_id, helpful) VALUES (?, ?, ?)`);
  const insertNote = db.prepare(`INSERT INTO unanswered (asked_at, key, text, entry_id) VALUES (?, ?, ?, ?)`);
  const addFeedback = withoutSync(db, (at: string, entryId: string, helpful: number, missing?: { key: string; text: string }) => {
    insertFeedback.run(at, entryId, helpful);
    if (missing) insertNote.run(at, missing.key, missing.text, entryId);
  });
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
      if (events.length > 0) record(events);
    },
    async listUnanswered(limit, lang) {
      return listUnanswered.all(lang ?? null, lang ?? null, limit);
    },
    async recordFeedback(entryId, helpful, at, missing) {
      addFeedback(at.toISOString(), entryId, helpful ? 1 : 0, missing);
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
