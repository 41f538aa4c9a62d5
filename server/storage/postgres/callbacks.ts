import type pg from 'pg';
import type { CallbackRecord, CallbackStatusChange } from '../../api/contract.ts';
import { newCallbackRef } from '../../callback-ref.ts';
import type { CallbackQuery, CallbackStore, NewCallback, StoredCallback } from '../types.ts';
import { inTransaction } from './pool.ts';

type CallbackRow = Omit<CallbackRecord, 'history'>;

const COLUMNS = `id, ref, created_at AS "createdAt", name, phone, preferred_time AS "preferredTime", message, status, lang, questions`;

/** Where the previous page ended, in the list's order (newest first). */
interface Cursor {
  createdAt: string;
  seq: number;
}

export interface PgCallbackOptions {
  /** Makes a short reference; a clash with a stored one is simply drawn again. Default `newCallbackRef`. */
  newRef?: () => string;
}

/**
 * Callback requests in PostgreSQL. A retry with the same idempotency hash
 * returns the first row even when the two arrive at two replicas at once:
 * the unique index makes the second insert wait for the first to commit,
 * and it then finds that row.
 *
 * @example
 * const callbacks = pgCallbacks(pool);
 * await callbacks.createCallback({ ... }); // { id, ref: 'K7-4Q2', createdAt, replayed: false }
 */
export function pgCallbacks(pool: pg.Pool, { newRef = () => newCallbackRef() }: PgCallbackOptions = {}): CallbackStore {
  /** One page of the filtered list, continuing after `after` (keyset paging: no OFFSET rescans). */
  const page = async (query: CallbackQuery, limit: number, after: Cursor | null) => {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (query.status) where.push(`status = ${param(query.status)}`);
    if (query.since) where.push(`created_at >= ${param(query.since)}`);
    if (after) {
      const at = param(after.createdAt);
      where.push(`(created_at < ${at} OR (created_at = ${at} AND seq < ${param(after.seq)}))`);
    }
    const sql = `SELECT ${COLUMNS}, seq FROM callbacks ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
                 ORDER BY created_at DESC, seq DESC LIMIT ${param(limit)}`;
    return (await pool.query<CallbackRow & { seq: number }>(sql, params)).rows;
  };

  // Rows with their status history, fetched for the whole page in one query.
  const withHistory = async (rows: (CallbackRow & { seq?: number })[]): Promise<CallbackRecord[]> => {
    const history = new Map<string, CallbackStatusChange[]>();
    const { rows: changes } = await pool.query<CallbackStatusChange & { callbackId: string }>(
      `SELECT callback_id AS "callbackId", at, by, status FROM callback_history WHERE callback_id = ANY($1) ORDER BY id`,
      [rows.map((r) => r.id)],
    );
    for (const { callbackId, ...change } of changes) {
      (history.get(callbackId) ?? history.set(callbackId, []).get(callbackId)!).push(change);
    }
    return rows.map(({ seq: _seq, ...r }) => ({ ...r, history: history.get(r.id) ?? [] }));
  };

  const earlier = async (db: pg.PoolClient, hash: string): Promise<StoredCallback | null> => {
    const { rows } = await db.query<Omit<StoredCallback, 'replayed'>>(
      `SELECT id, ref, created_at AS "createdAt" FROM callbacks WHERE idempotency_hash = $1`,
      [hash],
    );
    return rows[0] ? { ...rows[0], replayed: true } : null;
  };

  return {
    // One transaction: the callback and its notification exist together or not at all.
    createCallback: (c: NewCallback) =>
      inTransaction(pool, async (db) => {
        if (c.idempotencyHash !== null) {
          const first = await earlier(db, c.idempotencyHash);
          if (first) return first;
        }
        const createdAt = c.createdAt.toISOString();
        for (let attempt = 0; attempt < 20; attempt++) {
          const ref = newRef();
          // ON CONFLICT DO NOTHING covers both unique keys: a clashing reference (drawn again) and an
          // idempotency hash another replica committed meanwhile (its row is the answer).
          const inserted = await db.query(
            `INSERT INTO callbacks (id, ref, created_at, name, phone, preferred_time, message, lang, questions, idempotency_hash)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING RETURNING id`,
            [c.id, ref, createdAt, c.name, c.phone, c.preferredTime, c.message, c.lang ?? null,
              c.questions ? JSON.stringify(c.questions) : null, c.idempotencyHash],
          );
          if (inserted.rowCount === 1) {
            if (c.notify) await db.query(`INSERT INTO outbox (callback_id, next_attempt_at) VALUES ($1, $2)`, [c.id, createdAt]);
            return { id: c.id, ref, createdAt, replayed: false };
          }
          if (c.idempotencyHash !== null) {
            const first = await earlier(db, c.idempotencyHash);
            if (first) return first;
          }
        }
        throw new Error('callbacks: could not draw a free short reference in 20 tries');
      }),
    async listCallbacks(query) {
      return withHistory(await page(query, query.limit, null));
    },
    async *callbackPages(query, pageSize) {
      let left = query.limit;
      let after: Cursor | null = null;
      while (left > 0) {
        const rows = await page(query, Math.min(pageSize, left), after);
        if (rows.length === 0) return;
        left -= rows.length;
        const last = rows[rows.length - 1]!;
        after = { createdAt: last.createdAt, seq: last.seq };
        yield await withHistory(rows);
      }
    },
    async updateCallbackStatus(id, status, at, by) {
      const row = await inTransaction(pool, async (db) => {
        const { rows } = await db.query<CallbackRow>(
          `UPDATE callbacks SET status = $1, status_changed_at = $2 WHERE id = $3 RETURNING ${COLUMNS}`,
          [status, at.toISOString(), id],
        );
        if (rows.length === 0) return null;
        await db.query(`INSERT INTO callback_history (callback_id, at, by, status) VALUES ($1, $2, $3, $4)`, [id, at.toISOString(), by, status]);
        return rows[0]!;
      });
      return row ? (await withHistory([row]))[0]! : null;
    },
    async callbacksVersion() {
      const { rows } = await pool.query<{ v: string }>(
        `SELECT COUNT(*) || '.' || COALESCE(MAX(seq)::text, '') || '.' || (SELECT COUNT(*) FROM callback_history) AS v FROM callbacks`,
      );
      return rows[0]!.v;
    },
  };
}
