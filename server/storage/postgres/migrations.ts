import type pg from 'pg';
import { newCallbackRef } from '../../callback-ref.ts';
import { inTransaction } from './pool.ts';

type Step = string | ((client: pg.PoolClient) => Promise<void>);

/**
 * Numbered schema steps, the same numbers and intent as the SQLite ones
 * (`../sqlite/migrations.ts`): step N here does what step N does there, so
 * a schema change is added to both lists at once (a test checks they have
 * the same length). `schema_migrations` records the steps applied. Append
 * new steps, never edit a released one.
 */
export const migrations: readonly Step[] = [
  // 1: callbacks with their notification outbox, question analytics, feedback.
  `
  CREATE TABLE callbacks (
    id text PRIMARY KEY,
    seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    created_at timestamptz NOT NULL,
    name text NOT NULL,
    phone text NOT NULL,
    preferred_time text,
    message text,
    status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'contacted', 'closed')),
    status_changed_at timestamptz,
    idempotency_hash text UNIQUE
  );
  CREATE INDEX callbacks_by_created ON callbacks (created_at, seq);

  CREATE TABLE outbox (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    callback_id text NOT NULL REFERENCES callbacks (id) ON DELETE CASCADE,
    attempts integer NOT NULL DEFAULT 0,
    -- Also the end of a delivery's lease while a process holds it (see outbox.ts).
    next_attempt_at timestamptz NOT NULL,
    delivered_at timestamptz,
    last_error text
  );
  CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE delivered_at IS NULL;
  CREATE INDEX outbox_by_callback ON outbox (callback_id);

  CREATE TABLE unanswered (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    asked_at timestamptz NOT NULL,
    key text NOT NULL,
    text text NOT NULL
  );
  CREATE INDEX unanswered_by_key ON unanswered (key);
  CREATE INDEX unanswered_by_asked ON unanswered (asked_at);

  CREATE TABLE question_counts (
    day text NOT NULL,
    kind text NOT NULL,
    count integer NOT NULL,
    PRIMARY KEY (day, kind)
  );

  CREATE TABLE feedback (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    created_at timestamptz NOT NULL,
    entry_id text NOT NULL,
    helpful smallint NOT NULL CHECK (helpful IN (0, 1))
  );
  `,
  // 2: staff accounts and sessions, failed sign-ins, the append-only audit trail,
  // callback language / shared questions / status history, answer revisions.
  `
  CREATE TABLE accounts (
    id text PRIMARY KEY,
    email text NOT NULL,
    role text NOT NULL CHECK (role IN ('frontdesk', 'editor', 'admin')),
    password_hash text NOT NULL,
    totp_secret text,
    totp_last_step bigint,
    created_at timestamptz NOT NULL,
    password_changed_at timestamptz NOT NULL
  );
  CREATE UNIQUE INDEX accounts_by_email ON accounts (lower(email));

  CREATE TABLE sessions (
    token_hash text PRIMARY KEY,
    account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL
  );
  CREATE INDEX sessions_by_account ON sessions (account_id);

  CREATE TABLE auth_failures (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    key text NOT NULL,
    at timestamptz NOT NULL
  );
  CREATE INDEX auth_failures_by_key ON auth_failures (key, at);

  CREATE TABLE audit (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at timestamptz NOT NULL,
    who text NOT NULL,
    role text,
    action text NOT NULL,
    target text,
    detail text,
    address text NOT NULL
  );
  CREATE INDEX audit_by_at ON audit (at);
  CREATE INDEX audit_by_target ON audit (target);

  -- How long audit entries are kept; the server writes the clinic's setting at start.
  CREATE TABLE audit_retention (id integer PRIMARY KEY CHECK (id = 1), keep_days integer NOT NULL CHECK (keep_days >= 1));
  INSERT INTO audit_retention (id, keep_days) VALUES (1, 2192);

  -- Append-only for the application: no UPDATE or TRUNCATE ever, and DELETE only of entries
  -- past the retention period (measured with the database's own clock, not the caller's).
  CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP <> 'DELETE' THEN
      RAISE EXCEPTION 'the audit trail is append-only';
    END IF;
    IF OLD.at >= now() - make_interval(days => (SELECT keep_days FROM audit_retention)) THEN
      RAISE EXCEPTION 'the audit trail is append-only: only entries past the retention period may be deleted';
    END IF;
    RETURN OLD;
  END $$;
  CREATE TRIGGER audit_no_change BEFORE UPDATE OR DELETE ON audit FOR EACH ROW EXECUTE FUNCTION audit_append_only();
  CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();

  ALTER TABLE callbacks ADD COLUMN lang text CHECK (lang IN ('en', 'es'));
  ALTER TABLE callbacks ADD COLUMN questions jsonb;

  CREATE TABLE callback_history (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    callback_id text NOT NULL REFERENCES callbacks (id) ON DELETE CASCADE,
    at timestamptz NOT NULL,
    by text NOT NULL,
    status text NOT NULL
  );
  CREATE INDEX callback_history_by_callback ON callback_history (callback_id);

  CREATE TABLE entry_revisions (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    entry_id text NOT NULL,
    at timestamptz NOT NULL,
    who text NOT NULL,
    note text NOT NULL,
    source text NOT NULL
  );
  CREATE INDEX entry_revisions_by_entry ON entry_revisions (entry_id, id);
  `,
  // 3: the short reference visitors and staff read ("K7-4Q2"), given to the requests already kept too.
  async (client) => {
    await client.query(`ALTER TABLE callbacks ADD COLUMN ref text`);
    const taken = new Set<string>();
    const { rows } = await client.query<{ id: string }>(`SELECT id FROM callbacks`);
    for (const { id } of rows) {
      let ref: string;
      do ref = newCallbackRef();
      while (taken.has(ref));
      taken.add(ref);
      await client.query(`UPDATE callbacks SET ref = $1 WHERE id = $2`, [ref, id]);
    }
    await client.query(`CREATE UNIQUE INDEX callbacks_by_ref ON callbacks (ref)`);
  },
  // 4: notes left after "Was this helpful? No" sit with the unanswered questions, naming the answer.
  `ALTER TABLE unanswered ADD COLUMN entry_id text`,
  // 5: the language each unanswered question was asked in, so staff can list one language.
  `ALTER TABLE unanswered ADD COLUMN lang text`,
  // 6: rate-limit windows shared by every replica; see LimitStore.
  `
  CREATE TABLE rate_limits (
    key text NOT NULL,
    window_ms integer NOT NULL,
    window_end bigint NOT NULL,
    count integer NOT NULL,
    PRIMARY KEY (key, window_ms, window_end)
  );
  CREATE INDEX rate_limits_by_end ON rate_limits (window_end);
  `,
  // 7: SQLite moved its rate-limit windows to a file of their own (so a hit never waits behind a
  // callback's commit); here they already live apart from the durable pool, so there is nothing to do.
  `SELECT 1`,
];

/** Any fixed 64-bit number: the lock every replica takes before touching the schema. */
const MIGRATION_LOCK = 7_301_448_215_117_902;

/**
 * Applies the steps the database has not seen yet, each in its own
 * transaction, holding a session advisory lock so replicas starting at the
 * same moment take turns: the second waits, then finds nothing left to do.
 */
export async function migrate(pool: pg.Pool): Promise<void> {
  const lock = await pool.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await lock.query(`CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await lock.query<{ v: number | null }>(`SELECT MAX(version) AS v FROM schema_migrations`);
    const current = rows[0]?.v ?? 0;
    if (current > migrations.length) {
      throw new Error(`database schema version ${current} is newer than this server (${migrations.length})`);
    }
    for (let version = current + 1; version <= migrations.length; version++) {
      const step = migrations[version - 1]!;
      await inTransaction(pool, async (client) => {
        if (typeof step === 'string') await client.query(step);
        else await step(client);
        await client.query(`INSERT INTO schema_migrations (version) VALUES ($1)`, [version]);
      });
    }
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    lock.release();
  }
}
