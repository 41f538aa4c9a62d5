import type pg from 'pg';
import type { OutboxStore, PendingNotification } from '../types.ts';

export interface PgOutboxOptions {
  /**
   * How long a claimed notification stays with the process that claimed it.
   * Longer than one delivery attempt (its timeout) so no other replica sends
   * it while the first still may; when the claimer dies, the notification is
   * due again once the lease ends.
   */
  leaseMs: number;
}

/**
 * The notification outbox shared by every replica. `dueNotifications`
 * claims what it returns (`FOR UPDATE SKIP LOCKED`, then the due time moved
 * to the end of the lease, in one statement): two replicas asking at once
 * get different rows, and neither sees the other's until its lease ends.
 */
export function pgOutbox(pool: pg.Pool, { leaseMs }: PgOutboxOptions): OutboxStore {
  return {
    async dueNotifications(now, limit) {
      const { rows } = await pool.query<PendingNotification>(
        `WITH due AS (
           SELECT id FROM outbox WHERE delivered_at IS NULL AND next_attempt_at <= $1
           ORDER BY next_attempt_at, id LIMIT $2 FOR UPDATE SKIP LOCKED
         )
         UPDATE outbox o SET next_attempt_at = $3
         FROM due, callbacks c WHERE o.id = due.id AND c.id = o.callback_id
         RETURNING o.id, o.callback_id AS "callbackId", c.created_at AS "callbackCreatedAt", o.attempts`,
        [now.toISOString(), limit, new Date(now.getTime() + leaseMs).toISOString()],
      );
      return rows.sort((a, b) => a.id - b.id);
    },
    async markNotificationDelivered(id, at) {
      await pool.query(`UPDATE outbox SET delivered_at = $1, last_error = NULL WHERE id = $2`, [at.toISOString(), id]);
    },
    async markNotificationFailed(id, retryAt, error) {
      await pool.query(`UPDATE outbox SET attempts = attempts + 1, next_attempt_at = $1, last_error = $2 WHERE id = $3`, [
        retryAt.toISOString(),
        error.slice(0, 500),
        id,
      ]);
    },
    async nextNotificationDue() {
      const { rows } = await pool.query<{ at: string | null }>(`SELECT MIN(next_attempt_at) AS at FROM outbox WHERE delivered_at IS NULL`);
      const at = rows[0]?.at;
      return at == null ? null : new Date(at);
    },
  };
}
