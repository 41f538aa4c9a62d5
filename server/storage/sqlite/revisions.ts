import type Database from 'better-sqlite3';
import type { EntryRevision } from '../../api/contract.ts';
import type { RevisionStore } from '../types.ts';

export function sqliteRevisions(db: Database.Database): RevisionStore {
  const insert = db.prepare(`INSERT INTO entry_revisions (entry_id, at, who, note, source) VALUES (?, ?, ?, ?, ?)`);
  const list = db.prepare<[string], EntryRevision>(
    `SELECT id, at, who, note FROM entry_revisions WHERE entry_id = ? ORDER BY id DESC`,
  );
  const one = db.prepare<[string, number], EntryRevision & { source: string }>(
    `SELECT id, at, who, note, source FROM entry_revisions WHERE entry_id = ? AND id = ?`,
  );
  const latest = db.prepare<[], EntryRevision & { entryId: string }>(
    `SELECT entry_id AS entryId, id, at, who, note FROM entry_revisions
     WHERE id IN (SELECT MAX(id) FROM entry_revisions GROUP BY entry_id)`,
  );
  return {
    async addRevision(r) {
      return Number(insert.run(r.entryId, r.at.toISOString(), r.who, r.note, r.source).lastInsertRowid);
    },
    async listRevisions(entryId) {
      return list.all(entryId);
    },
    async getRevision(entryId, id) {
      return one.get(entryId, id) ?? null;
    },
    async lastRevisions() {
      return new Map(latest.all().map(({ entryId, ...r }) => [entryId, r]));
    },
  };
}
