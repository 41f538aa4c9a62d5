import Database from 'better-sqlite3';
import { newCallback } from '../../../test/support/new-callback.ts';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Storage } from '../types.ts';
import { REF_PATTERN } from '../../callback-ref.ts';
import { sqliteAnalytics } from './analytics.ts';
import { sqliteCallbacks } from './callbacks.ts';
import { openSqliteStorage } from './index.ts';
import { migrations } from './migrations.ts';
import { DATABASE_FILE, openDatabase } from './open-database.ts';

let dir: string;
let storage: Storage;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'clinic-chat-sqlite-'));
  storage = openSqliteStorage(join(dir, 'nested', 'data'));
});
afterEach(async () => {
  await storage.close();
  rmSync(dir, { recursive: true, force: true });
});

const callback = newCallback;

describe('openDatabase', () => {
  it('creates DATA_DIR and sets WAL and synchronous=FULL on every open, not just the first', async () => {
    await storage.close();
    for (let open = 0; open < 2; open++) {
      const db = openDatabase(join(dir, 'nested', 'data'));
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
      db.close();
    }
    // A plain reopen shows what the explicit pragma guards against.
    const plain = new Database(join(dir, 'nested', 'data', DATABASE_FILE));
    expect(plain.pragma('synchronous', { simple: true })).not.toBe(2);
    plain.close();
    storage = openSqliteStorage(join(dir, 'nested', 'data'));
  });

  it('counts statistics written on a connection of their own, a batch at a time', async () => {
    const db = openDatabase(join(dir, 'other'));
    const analytics = sqliteAnalytics(db);
    const at = new Date('2026-03-01T10:00:00Z');
    await analytics.recordQuestions([{ at, kind: 'answer' }, { at, kind: 'answer' }, { at, kind: 'fallback' }]);
    await analytics.recordQuestions([{ at, kind: 'answer' }]);
    await analytics.recordFeedback('what-is-mbb', true, new Date());
    expect((await analytics.dailyStats('2026-03-01', '2026-03-01'))[0]!.questions).toBe(4);
    expect(await analytics.feedbackSummary()).toEqual([{ entryId: 'what-is-mbb', helpful: 1, notHelpful: 0 }]);
    db.close();
  });

  it('refuses a database from a newer server', async () => {
    await storage.close();
    const file = join(dir, 'nested', 'data', DATABASE_FILE);
    const db = new Database(file);
    db.pragma(`user_version = ${migrations.length + 1}`);
    db.close();
    expect(() => openDatabase(join(dir, 'nested', 'data'))).toThrow(/newer/);
    const reset = new Database(file);
    reset.pragma(`user_version = ${migrations.length}`);
    reset.close();
    storage = openSqliteStorage(join(dir, 'nested', 'data'));
  });
});

// What every store promises is in ../contract.test.ts; these are SQLite's own.
describe('callbacks', () => {
  it('commits requests arriving together in one go, a failing one failing alone', async () => {
    const clash = callback();
    await storage.createCallback(clash);
    // Sent together, these reach the writer thread while earlier commits sync, so they share transactions.
    const batch = [callback(), callback(), { ...clash }, callback(), callback({ idempotencyHash: 'h' }), callback({ idempotencyHash: 'h' })];
    const results = await Promise.allSettled(batch.map((c) => storage.createCallback(c)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
    expect(((results[2] as PromiseRejectedResult).reason as { code: string }).code).toBe('SQLITE_CONSTRAINT_PRIMARYKEY');
    const [, , , , first, retry] = results.map((r) => (r.status === 'fulfilled' ? r.value : null));
    expect(retry).toEqual({ ...first, replayed: true });
    const stored = await storage.listCallbacks({ limit: 10 });
    expect(stored.map((r) => r.id).sort()).toEqual([clash.id, batch[0]!.id, batch[1]!.id, batch[3]!.id, batch[4]!.id].sort());
  });

  it('gives each request a short reference, drawing again when one is already taken', async () => {
    await storage.close();
    const db = openDatabase(join(dir, 'refs'));
    const draws = ['K7-4Q2', 'K7-4Q2', 'K7-4Q2', 'AB-CDE'];
    const callbacks = sqliteCallbacks(db, { newRef: () => draws.shift()! });
    expect((await callbacks.createCallback(callback())).ref).toBe('K7-4Q2');
    expect((await callbacks.createCallback(callback())).ref).toBe('AB-CDE');
    expect((await callbacks.listCallbacks({ limit: 10 })).map((r) => r.ref)).toEqual(['AB-CDE', 'K7-4Q2']);
    expect(() => db.prepare(`UPDATE callbacks SET ref = 'K7-4Q2'`).run()).toThrow(/UNIQUE/);
    db.close();
    storage = openSqliteStorage(join(dir, 'nested', 'data'));
  });

  it('gives requests stored before references existed one each when upgrading', async () => {
    await storage.close();
    const file = join(dir, 'old', DATABASE_FILE);
    mkdirSync(join(dir, 'old'));
    const old = new Database(file);
    old.exec(migrations[0] as string);
    old.pragma('user_version = 1');
    const insert = old.prepare(`INSERT INTO callbacks (id, created_at, name, phone) VALUES (?, '2026-01-01T00:00:00Z', 'Old', '5551234567')`);
    for (let i = 0; i < 50; i++) insert.run(`old-${i}`);
    old.close();
    storage = openSqliteStorage(join(dir, 'old'));
    const refs = (await storage.listCallbacks({ limit: 100 })).map((r) => r.ref);
    expect(refs).toHaveLength(50);
    expect(new Set(refs).size).toBe(50);
    for (const ref of refs) expect(ref).toMatch(REF_PATTERN);
  });
});
