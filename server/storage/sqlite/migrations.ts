import type Database from 'better-sqlite3';
import { newCallbackRef } from '../../callback-ref.ts';

/** SQL, or a function for a step that needs code (such as filling a new column with generated values). */
type Step = string | ((db: Database.Database) => void);

/**
 * Numbered schema steps; `PRAGMA user_version` records the last one applied.
 * Append new steps, never edit a released one.
 */
export const migrations: readonly Step[] = [
  // 1: callbacks with their notification outbox, question analytics, feedback.
  `
  CREATE TABLE callbacks (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    name TEXT NOT NULL,
    phone TEXT NOT NULL,
    preferred_time TEXT,
    message TEXT,
    status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'contacted', 'closed')),
    status_changed_at TEXT,
    idempotency_hash TEXT UNIQUE
  );
  CREATE INDEX callbacks_by_created ON callbacks (created_at);

  CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    callback_id TEXT NOT NULL REFERENCES callbacks (id) ON DELETE CASCADE,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    delivered_at TEXT,
    last_error TEXT
  );
  CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE delivered_at IS NULL;
  CREATE INDEX outbox_by_callback ON outbox (callback_id);

  CREATE TABLE unanswered (
    id INTEGER PRIMARY KEY,
    asked_at TEXT NOT NULL,
    key TEXT NOT NULL,
    text TEXT NOT NULL
  );
  CREATE INDEX unanswered_by_key ON unanswered (key);
  CREATE INDEX unanswered_by_asked ON unanswered (asked_at);

  CREATE TABLE question_counts (
    day TEXT NOT NULL,
    kind TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (day, kind)
  ) WITHOUT ROWID;

  CREATE TABLE feedback (
    id INTEGER PRIMARY KEY,
    created_at TEXT NOT NULL,
    entry_id TEXT NOT NULL,
    helpful INTEGER NOT NULL CHECK (helpful IN (0, 1))
  );
  `,
  // 2: the short reference visitors and staff read ("K7-4Q2"), given to the requests already kept too.
  (db) => {
    db.exec(`ALTER TABLE callbacks ADD COLUMN ref TEXT`);
    const taken = new Set<string>();
    const setRef = db.prepare(`UPDATE callbacks SET ref = ? WHERE id = ?`);
    for (const { id } of db.prepare<[], { id: string }>(`SELECT id FROM callbacks`).all()) {
      let ref: string;
      do ref = newCallbackRef();
      while (taken.has(ref));
      taken.add(ref);
      setRef.run(ref, id);
    }
    db.exec(`CREATE UNIQUE INDEX callbacks_by_ref ON callbacks (ref)`);
  },
  // 3: notes left after "Was this helpful? No" sit with the unanswered questions, naming the answer.
  `ALTER TABLE unanswered ADD COLUMN entry_id TEXT`,
];

/** Applies the steps the file has not seen yet, each in its own transaction. */
export function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw new Error(`database schema version ${current} is newer than this server (${migrations.length})`);
  }
  migrations.slice(current).forEach((step, i) => {
    const version = current + i + 1;
    db.transaction(() => {
      if (typeof step === 'string') db.exec(step);
      else step(db);
      db.pragma(`user_version = ${version}`);
    })();
  });
}
