import type Database from 'better-sqlite3';
import type { CallbackRecord } from '../../api/contract.ts';
import { newCallbackRef } from '../../callback-ref.ts';
import type { CallbackQuery, CallbackStore, NewCallback, StoredCallback } from '../types.ts';

/** `COLUMNS` aliases the table's columns to the API's field names, so rows need no mapping. */
type CallbackRow = CallbackRecord;

const COLUMNS = `id, ref, created_at AS createdAt, name, phone, preferred_time AS preferredTime, message, status`;

export interface SqliteCallbackOptions {
  /** Makes a short reference; a clash with a stored one is simply drawn again. Default `newCallbackRef`. */
  newRef?: () => string;
}

/**
 * @example
 * const callbacks = sqliteCallbacks(openDatabase('./data'));
 * await callbacks.createCallback({ ... }); // { id, ref: 'K7-4Q2', createdAt, replayed: false }
 */
export function sqliteCallbacks(db: Database.Database, { newRef = () => newCallbackRef() }: SqliteCallbackOptions = {}): CallbackStore {
  const findByHash = db.prepare<[string], { id: string; ref: string; createdAt: string }>(
    `SELECT id, ref, created_at AS createdAt FROM callbacks WHERE idempotency_hash = ?`,
  );
  const refTaken = db.prepare<[string], 1>(`SELECT 1 FROM callbacks WHERE ref = ?`).pluck();
  const insert = db.prepare(
    `INSERT INTO callbacks (id, ref, created_at, name, phone, preferred_time, message, idempotency_hash)
     VALUES (@id, @ref, @createdAt, @name, @phone, @preferredTime, @message, @idempotencyHash)`,
  );
  const enqueue = db.prepare(`INSERT INTO outbox (callback_id, next_attempt_at) VALUES (?, ?)`);
  const byId = db.prepare<[string], CallbackRow>(`SELECT ${COLUMNS} FROM callbacks WHERE id = ?`);
  const setStatus = db.prepare(`UPDATE callbacks SET status = ?, status_changed_at = ? WHERE id = ?`);

  // One transaction: the callback and its notification exist together or not at all.
  const create = db.transaction((c: NewCallback): StoredCallback => {
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
      idempotencyHash: c.idempotencyHash,
    });
    if (c.notify) enqueue.run(c.id, c.createdAt.getTime());
    return { id: c.id, ref, createdAt, replayed: false };
  });

  return {
    async createCallback(callback) {
      return create.immediate(callback);
    },
    async listCallbacks(query: CallbackQuery) {
      const where: string[] = [];
      const params: Record<string, string | number> = { limit: query.limit };
      if (query.status) {
        where.push('status = @status');
        params.status = query.status;
      }
      if (query.since) {
        where.push('created_at >= @since');
        params.since = query.since;
      }
      const sql = `SELECT ${COLUMNS} FROM callbacks ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
                   ORDER BY created_at DESC, rowid DESC LIMIT @limit`;
      return db.prepare<[Record<string, string | number>], CallbackRecord>(sql).all(params);
    },
    async updateCallbackStatus(id, status, at) {
      const changed = setStatus.run(status, at.toISOString(), id).changes;
      return changed === 0 ? null : (byId.get(id) ?? null);
    },
  };
}
