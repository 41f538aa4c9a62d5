import type pg from 'pg';
import type { AuditEntry } from '../../api/contract.ts';
import type { AuditStore } from '../types.ts';
import { inTransaction } from './pool.ts';

/** The append-only audit trail; the database's triggers refuse changes and early deletions (see migrations.ts). */
export function pgAudit(pool: pg.Pool): AuditStore {
  return {
    async appendAudit(entries) {
      if (entries.length === 0) return;
      await pool.query(
        `INSERT INTO audit (at, who, role, action, target, detail, address)
         SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])`,
        [
          entries.map((e) => e.at.toISOString()),
          entries.map((e) => e.who),
          entries.map((e) => e.role),
          entries.map((e) => e.action),
          entries.map((e) => e.target),
          entries.map((e) => e.detail),
          entries.map((e) => e.address),
        ],
      );
    },
    async listAudit(query) {
      const where: string[] = [];
      const params: unknown[] = [];
      for (const key of ['who', 'target', 'action'] as const) {
        if (query[key] !== undefined) where.push(`${key} = $${params.push(query[key])}`);
      }
      if (query.before !== undefined) where.push(`id < $${params.push(query.before)}`);
      const { rows } = await pool.query<AuditEntry>(
        `SELECT id, at, who, role, action, target, detail, address FROM audit
         ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT $${params.push(query.limit)}`,
        params,
      );
      return rows;
    },
    purgeAudit: (keepDays, now) =>
      inTransaction(pool, async (db) => {
        await db.query(`UPDATE audit_retention SET keep_days = $1 WHERE id = 1`, [keepDays]);
        // The cutoff is also the database's own clock minus the retention, the same test the trigger applies.
        const result = await db.query(
          `DELETE FROM audit WHERE at < $1 AND at < now() - make_interval(days => (SELECT keep_days FROM audit_retention))`,
          [new Date(now.getTime() - keepDays * 86_400_000).toISOString()],
        );
        return result.rowCount ?? 0;
      }),
  };
}
