import type Database from 'better-sqlite3';
import type { CallbackRecord } from '../../api/contract.ts';
import type { CallbackQuery, CallbackStore, NewCallback, StoredCallback } from '../types.ts';

/** `COLUMNS` aliases the table's columns to the API's field names, so rows need no mapping. */
type CallbackRow = CallbackRecord;

const COLUMNS = `id, created_at AS createdAt, name, phone, preferred_time AS preferredTime, message, status`;

/** Where the previous page ended, in the list's order (newest first). */
interface Cursor {
  createdAt: string;
  rowid: number;
}

const withoutRowid = ({ rowid: _rowid, ...record }: CallbackRecord & { rowid: number }): CallbackRecord => record;

export function sqliteCallbacks(db: Database.Database): CallbackStore {
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
    return db.prepare<[Record<string, string | number>], CallbackRecord & { rowid: number }>(sql).all(params);
  };

  const findByHash = db.prepare<[string], { id: string; createdAt: string }>(
    `SELECT id, created_at AS createdAt FROM callbacks WHERE idempotency_hash = ?`,
  );
  const insert = db.prepare(
    `INSERT INTO callbacks (id, created_at, name, phone, preferred_time, message, idempotency_hash)
     VALUES (@id, @createdAt, @name, @phone, @preferredTime, @message, @idempotencyHash)`,
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
    insert.run({
      id: c.id,
      createdAt,
      name: c.name,
      phone: c.phone,
      preferredTime: c.preferredTime,
      message: c.message,
      idempotencyHash: c.idempotencyHash,
    });
    if (c.notify) enqueue.run(c.id, c.createdAt.getTime());
    return { id: c.id, createdAt, replayed: false };
  });

  return {
    async createCallback(callback) {
      return create.immediate(callback);
    },
    async listCallbacks(query: CallbackQuery) {
      return page(query, query.limit, null).map(withoutRowid);
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
        yield rows.map(withoutRowid);
      }
    },
    async updateCallbackStatus(id, status, at) {
      const changed = setStatus.run(status, at.toISOString(), id).changes;
      return changed === 0 ? null : (byId.get(id) ?? null);
    },
  };
}
