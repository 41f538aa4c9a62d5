import type Database from 'better-sqlite3';
import type { CallbackRecord, CallbackStatusChange } from '../../api/contract.ts';
import { newCallbackRef } from '../../callback-ref.ts';
import type { CallbackQuery, CallbackStore, NewCallback, StoredCallback } from '../types.ts';

type CallbackRow = Omit<CallbackRecord, 'questions' | 'history'> & { questions: string | null };

const COLUMNS = `id, ref, created_at AS createdAt, name, phone, preferred_time AS preferredTime, message, status, lang, questions`;

/** Where the previous page ended, in the list's order (newest first). */
interface Cursor {
  createdAt: string;
  rowid: number;
}

const withoutRowid = ({ rowid: _rowid, ...row }: CallbackRow & { rowid: number }): CallbackRow => row;

export interface SqliteCallbackOptions {
  /** Makes a short reference; a clash with a stored one is simply drawn again. Default `newCallbackRef`. */
  newRef?: () => string;
}

/**
 * The callback insert as a better-sqlite3 transaction function: run alone
 * (`.immediate`) or nested in the writer thread's group commit, where it
 * becomes a savepoint, so one failing request never takes the others down.
 */
export function callbackWrites(db: Database.Database, { newRef = () => newCallbackRef() }: SqliteCallbackOptions = {}) {
  const findByHash = db.prepare<[string], { id: string; ref: string; createdAt: string }>(
    `SELECT id, ref, created_at AS createdAt FROM callbacks WHERE idempotency_hash = ?`,
  );
  const refTaken = db.prepare<[string], 1>(`SELECT 1 FROM callbacks WHERE ref = ?`).pluck();
  const insert = db.prepare(
    `INSERT INTO callbacks (id, ref, created_at, name, phone, preferred_time, message, lang, questions, idempotency_hash)
     VALUES (@id, @ref, @createdAt, @name, @phone, @preferredTime, @message, @lang, @questions, @idempotencyHash)`,
  );
  const enqueue = db.prepare(`INSERT INTO outbox (callback_id, next_attempt_at) VALUES (?, ?)`);
  // One transaction: the callback and its notification exist together or not at all.
  const createCallback = db.transaction((c: NewCallback): StoredCallback => {
    if (c.idempotencyHash !== null) {
      const earlier = findByHash.get(c.idempotencyHash);
      if (earlier) return { ...earlier, replayed: true };
    }
    const createdAt = c.createdAt.toISOString();
    // Inside the write transaction, so no other insert can take the reference between check and insert.
    let ref = newRef();
    while (refTaken.get(ref)) ref = newRef();
    insert.run({
      id: c.id,
      ref,
      createdAt,
      name: c.name,
      phone: c.phone,
      preferredTime: c.preferredTime,
      message: c.message,
      lang: c.lang ?? null,
      questions: c.questions ? JSON.stringify(c.questions) : null,
      idempotencyHash: c.idempotencyHash,
    });
    if (c.notify) enqueue.run(c.id, c.createdAt.getTime());
    return { id: c.id, ref, createdAt, replayed: false };
  });

  return { createCallback };
}

/**
 * @example
 * const callbacks = sqliteCallbacks(openDatabase('./data'));
 * await callbacks.createCallback({ ... }); // { id, ref: 'K7-4Q2', createdAt, replayed: false }
 */
export function sqliteCallbacks(db: Database.Database, options: SqliteCallbackOptions = {}): CallbackStore {
  const { createCallback } = callbackWrites(db, options);
  /** One page of the filtered list, continuing after `after` (keyset paging: no OFFSET rescans). */
  const page = (query: CallbackQuery, limit: number, after: Cursor | null) => {
    const where: string[] = [];
    const params: Record<string, string | number> = { limit };
    if (query.status) {
      where.push('status = @status');
      params.status = query.status;
    }
    if (query.since) {
      where.push('created_at >= @since');
      params.since = query.since;
    }
    if (after) {
      where.push('(created_at < @afterAt OR (created_at = @afterAt AND rowid < @afterRowid))');
      params.afterAt = after.createdAt;
      params.afterRowid = after.rowid;
    }
    const sql = `SELECT ${COLUMNS}, rowid FROM callbacks ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
                 ORDER BY created_at DESC, rowid DESC LIMIT @limit`;
    return db.prepare<[Record<string, string | number>], CallbackRow & { rowid: number }>(sql).all(params);
  };

  const byId = db.prepare<[string], CallbackRow>(`SELECT ${COLUMNS} FROM callbacks WHERE id = ?`);
  const setStatus = db.prepare(`UPDATE callbacks SET status = ?, status_changed_at = ? WHERE id = ?`);
  const addHistory = db.prepare(`INSERT INTO callback_history (callback_id, at, by, status) VALUES (?, ?, ?, ?)`);
  const historyOf = db.prepare<[string], CallbackStatusChange & { callbackId: string }>(
    `SELECT callback_id AS callbackId, at, by, status FROM callback_history
     WHERE callback_id IN (SELECT value FROM json_each(?)) ORDER BY id`,
  );
  const version = db.prepare<[], { v: string }>(
    `SELECT COUNT(*) || '.' || IFNULL(MAX(created_at), '') || '.' || (SELECT COUNT(*) FROM callback_history) AS v FROM callbacks`,
  );

  // Rows with their status history, fetched for the whole page in one query.
  const withHistory = (rows: CallbackRow[]): CallbackRecord[] => {
    const history = new Map<string, CallbackStatusChange[]>();
    for (const { callbackId, ...change } of historyOf.all(JSON.stringify(rows.map((r) => r.id)))) {
      (history.get(callbackId) ?? history.set(callbackId, []).get(callbackId)!).push(change);
    }
    return rows.map((r) => ({
      ...r,
      questions: r.questions === null ? null : (JSON.parse(r.questions) as string[]),
      history: history.get(r.id) ?? [],
    }));
  };

  const update = db.transaction((id: string, status: string, at: string, by: string): boolean => {
    if (setStatus.run(status, at, id).changes === 0) return false;
    addHistory.run(id, at, by, status);
    return true;
  });

  return {
    async createCallback(callback) {
      return createCallback.immediate(callback);
    },
    async listCallbacks(query: CallbackQuery) {
      return withHistory(page(query, query.limit, null).map(withoutRowid));
    },
    async *callbackPages(query: CallbackQuery, pageSize: number) {
      let left = query.limit;
      let after: Cursor | null = null;
      while (left > 0) {
        const rows = page(query, Math.min(pageSize, left), after);
        if (rows.length === 0) return;
        left -= rows.length;
        const last = rows[rows.length - 1]!;
        after = { createdAt: last.createdAt, rowid: last.rowid };
        yield withHistory(rows.map(withoutRowid));
      }
    },
    async updateCallbackStatus(id, status, at, by) {
      if (!update.immediate(id, status, at.toISOString(), by)) return null;
      const row = byId.get(id);
      return row ? withHistory([row])[0]! : null;
    },
    async callbacksVersion() {
      return version.get()!.v;
    },
  };
}
