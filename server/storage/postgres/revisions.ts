import type pg from 'pg';
import type { EntryRevision } from '../../api/contract.ts';
import type { RevisionStore } from '../types.ts';

/** The channel a new revision is announced on; every replica listens (see `listen.ts`). */
export const REVISIONS_CHANNEL = 'clinic_chat_revisions';

export function pgRevisions(pool: pg.Pool): RevisionStore {
  return {
    async addRevision(r) {
      // Announced in the insert's own transaction: PostgreSQL delivers the notification at commit, so a
      // replica told about it always finds the row.
      const { rows } = await pool.query<{ id: number }>(
        `WITH added AS (INSERT INTO entry_revisions (entry_id, at, who, note, source) VALUES ($1, $2, $3, $4, $5) RETURNING id, entry_id)
         SELECT id, pg_notify($6, entry_id) FROM added`,
        [r.entryId, r.at.toISOString(), r.who, r.note, r.source, REVISIONS_CHANNEL],
      );
      return rows[0]!.id;
    },
    async listRevisions(entryId) {
      const { rows } = await pool.query<EntryRevision>(`SELECT id, at, who, note FROM entry_revisions WHERE entry_id = $1 ORDER BY id DESC`, [entryId]);
      return rows;
    },
    async getRevision(entryId, id) {
      if (!Number.isSafeInteger(id)) return null;
      const { rows } = await pool.query<EntryRevision & { source: string }>(
        `SELECT id, at, who, note, source FROM entry_revisions WHERE entry_id = $1 AND id = $2`,
        [entryId, id],
      );
      return rows[0] ?? null;
    },
    async lastRevisions() {
      const { rows } = await pool.query<EntryRevision & { entryId: string }>(
        `SELECT DISTINCT ON (entry_id) entry_id AS "entryId", id, at, who, note FROM entry_revisions ORDER BY entry_id, id DESC`,
      );
      return new Map(rows.map(({ entryId, ...r }) => [entryId, r]));
    },
  };
}
