import type Database from 'better-sqlite3';
import type { AuditEntry } from '../../api/contract.ts';
import type { AuditQuery, AuditStore, NewAuditEntry } from '../types.ts';

export function sqliteAudit(db: Database.Database): AuditStore {
  const insert = db.prepare(
    `INSERT INTO audit (at, who, role, action, target, detail, address) VALUES (@at, @who, @role, @action, @target, @detail, @address)`,
  );
  const append = db.transaction((entries: NewAuditEntry[]) => {
    for (const e of entries) insert.run({ ...e, at: e.at.toISOString() });
  });
  const setRetention = db.prepare(`UPDATE audit_retention SET keep_days = ? WHERE id = 1`);
  // The cutoff is the database's own clock minus the retention, the same test the trigger applies.
  const purge = db.prepare(
    `DELETE FROM audit WHERE at < ? AND at < strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-' || (SELECT keep_days FROM audit_retention) || ' days')`,
  );

  return {
    async appendAudit(entries) {
      if (entries.length > 0) append.immediate(entries);
    },
    async listAudit(query: AuditQuery) {
      const where: string[] = [];
      const params: Record<string, string | number> = { limit: query.limit };
      for (const key of ['who', 'target', 'action'] as const) {
        if (query[key] !== undefined) {
          where.push(`${key} = @${key}`);
          params[key] = query[key]!;
        }
      }
      if (query.before !== undefined) {
        where.push('id < @before');
        params.before = query.before;
      }
      const sql = `SELECT id, at, who, role, action, target, detail, address FROM audit
                   ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT @limit`;
      return db.prepare<[Record<string, string | number>], AuditEntry>(sql).all(params);
    },
    async purgeAudit(keepDays, now) {
      setRetention.run(keepDays);
      return purge.run(new Date(now.getTime() - keepDays * 86_400_000).toISOString()).changes;
    },
  };
}
