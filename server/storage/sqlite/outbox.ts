import type Database from 'better-sqlite3';
import type { OutboxStore, PendingNotification } from '../types.ts';

export function sqliteOutbox(db: Database.Database): OutboxStore {
  const due = db.prepare<[number, number], PendingNotification>(
    `SELECT o.id, o.callback_id AS callbackId, c.created_at AS callbackCreatedAt, o.attempts
     FROM outbox o JOIN callbacks c ON c.id = o.callback_id
     WHERE o.delivered_at IS NULL AND o.next_attempt_at <= ?
     ORDER BY o.next_attempt_at, o.id LIMIT ?`,
  );
  const delivered = db.prepare(`UPDATE outbox SET delivered_at = ?, last_error = NULL WHERE id = ?`);
  const failed = db.prepare(
    `UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?`,
  );
  const next = db.prepare<[], { at: number | null }>(
    `SELECT MIN(next_attempt_at) AS at FROM outbox WHERE delivered_at IS NULL`,
  );

  return {
    async dueNotifications(now, limit) {
      return due.all(now.getTime(), limit);
    },
    async markNotificationDelivered(id, at) {
      delivered.run(at.toISOString(), id);
    },
    async markNotificationFailed(id, retryAt, error) {
      failed.run(retryAt.getTime(), error.slice(0, 500), id);
    },
    async nextNotificationDue() {
      const at = next.get()?.at;
      return at == null ? null : new Date(at);
    },
  };
}
