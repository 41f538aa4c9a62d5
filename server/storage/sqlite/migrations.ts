import type Database from 'better-sqlite3';
import { newCallbackRef } from '../../callback-ref.ts';
import { RATE_LIMITS_SCHEMA } from './limits.ts';

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
  // 2: staff accounts and sessions, failed sign-ins, the append-only audit trail,
  // callback language / shared questions / status history, answer revisions.
  `
  CREATE TABLE accounts (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE COLLATE NOCASE,
    role TEXT NOT NULL CHECK (role IN ('frontdesk', 'editor', 'admin')),
    password_hash TEXT NOT NULL,
    totp_secret TEXT,
    totp_last_step INTEGER,
    created_at TEXT NOT NULL,
    password_changed_at TEXT NOT NULL
  );

  CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL
  );
  CREATE INDEX sessions_by_account ON sessions (account_id);

  CREATE TABLE auth_failures (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL,
    at INTEGER NOT NULL
  );
  CREATE INDEX auth_failures_by_key ON auth_failures (key, at);

  CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    who TEXT NOT NULL,
    role TEXT,
    action TEXT NOT NULL,
    target TEXT,
    detail TEXT,
    address TEXT NOT NULL
  );
  CREATE INDEX audit_by_at ON audit (at);
  CREATE INDEX audit_by_target ON audit (target);

  -- How long audit entries are kept; the server writes the clinic's setting at start.
  CREATE TABLE audit_retention (id INTEGER PRIMARY KEY CHECK (id = 1), keep_days INTEGER NOT NULL CHECK (keep_days >= 1));
  INSERT INTO audit_retention (id, keep_days) VALUES (1, 2192);

  -- Append-only for the application: no UPDATE ever, and DELETE only of entries past
  -- the retention period (measured with the database's own clock, not the caller's).
  CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
  BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
  CREATE TRIGGER audit_delete_only_expired BEFORE DELETE ON audit
  WHEN OLD.at >= strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-' || (SELECT keep_days FROM audit_retention) || ' days')
  BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: only entries past the retention period may be deleted'); END;

  ALTER TABLE callbacks ADD COLUMN lang TEXT CHECK (lang IN ('en', 'es'));
  ALTER TABLE callbacks ADD COLUMN questions TEXT;

  CREATE TABLE callback_history (
    id INTEGER PRIMARY KEY,
    callback_id TEXT NOT NULL REFERENCES callbacks (id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    by TEXT NOT NULL,
    status TEXT NOT NULL
  );
  CREATE INDEX callback_history_by_callback ON callback_history (callback_id);

  CREATE TABLE entry_revisions (
    id INTEGER PRIMARY KEY,
    entry_id TEXT NOT NULL,
    at TEXT NOT NULL,
    who TEXT NOT NULL,
    note TEXT NOT NULL,
    source TEXT NOT NULL
  );
  CREATE INDEX entry_revisions_by_entry ON entry_revisions (entry_id, id);
  `,
  // 3: the short reference visitors and staff read ("K7-4Q2"), given to the requests already kept too.
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
  // 4: notes left after "Was this helpful? No" sit with the unanswered questions, naming the answer.
  `ALTER TABLE unanswered ADD COLUMN entry_id TEXT`,
  // 5: the language each unanswered question was asked in, so staff can list one language.
  `ALTER TABLE unanswered ADD COLUMN lang TEXT`,
  // 6: rate-limit windows shared by every process on this file (cluster workers); see LimitStore.
  RATE_LIMITS_SCHEMA,
  // 7: rate-limit windows moved to their own file (limits.ts): counting a hit must never wait behind a callback's fsync.
  `DROP TABLE rate_limits;`,
];

/**
 * Applies the steps the file has not seen yet, each in its own transaction.
 * Cluster workers may open the file at the same moment, so each step
 * re-reads the version inside its write transaction and skips a step
 * another process has just applied.
 */
export function migrate(db: Database.Database): void {
  const version = () => db.pragma('user_version', { simple: true }) as number;
  const applyNext = db.transaction((): boolean => {
    const current = version();
    const step = migrations[current];
    if (step === undefined) return false;
    if (typeof step === 'string') db.exec(step);
    else step(db);
    db.pragma(`user_version = ${current + 1}`);
    return true;
  });
  if (version() > migrations.length) {
    throw new Error(`database schema version ${version()} is newer than this server (${migrations.length})`);
  }
  // Up to date: no write at all, so a read-only folder still opens (and reports itself unhealthy).
  if (version() === migrations.length) return;
  while (applyNext.immediate()) continue;
}
