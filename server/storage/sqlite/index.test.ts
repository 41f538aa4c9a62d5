import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewCallback, Storage } from '../types.ts';
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

const callback = (patch: Partial<NewCallback> = {}): NewCallback => ({
  id: crypto.randomUUID(),
  createdAt: new Date('2026-03-01T10:00:00Z'),
  name: 'Jane Doe',
  phone: '5551234567',
  preferredTime: null,
  message: null,
  idempotencyHash: null,
  notify: false,
  ...patch,
});

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

describe('callbacks', () => {
  it('survives a reopen', async () => {
    const { id } = await storage.createCallback(callback());
    await storage.close();
    storage = openSqliteStorage(join(dir, 'nested', 'data'));
    expect((await storage.listCallbacks({ limit: 10 })).map((r) => r.id)).toEqual([id]);
  });

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

  it('returns the first row for a repeated idempotency hash and queues one notification', async () => {
    const first = await storage.createCallback(callback({ idempotencyHash: 'h1', notify: true }));
    const again = await storage.createCallback(callback({ idempotencyHash: 'h1', notify: true }));
    expect(again).toEqual({ ...first, replayed: true });
    expect(await storage.listCallbacks({ limit: 10 })).toHaveLength(1);
    expect(await storage.dueNotifications(new Date('2030-01-01'), 10)).toHaveLength(1);
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

  it('queues a notification only when asked', async () => {
    await storage.createCallback(callback());
    expect(await storage.nextNotificationDue()).toBeNull();
    const c = callback({ notify: true });
    await storage.createCallback(c);
    expect(await storage.nextNotificationDue()).toEqual(c.createdAt);
  });
});

describe('outbox', () => {
  it('hides failed notifications until their retry time and drops delivered ones', async () => {
    const c = callback({ notify: true });
    await storage.createCallback(c);
    const [n] = await storage.dueNotifications(c.createdAt, 10);
    expect(n).toMatchObject({ callbackId: c.id, callbackCreatedAt: c.createdAt.toISOString(), attempts: 0 });
    const retryAt = new Date(c.createdAt.getTime() + 5000);
    await storage.markNotificationFailed(n!.id, retryAt, 'HTTP 503');
    expect(await storage.dueNotifications(new Date(retryAt.getTime() - 1), 10)).toEqual([]);
    expect((await storage.dueNotifications(retryAt, 10))[0]?.attempts).toBe(1);
    await storage.markNotificationDelivered(n!.id, retryAt);
    expect(await storage.dueNotifications(new Date('2030-01-01'), 10)).toEqual([]);
    expect(await storage.nextNotificationDue()).toBeNull();
  });
});

describe('deleteOlderThan', () => {
  it('deletes old callbacks (with their notifications) and old unanswered wording, keeping newer rows', async () => {
    const old = callback({ createdAt: new Date('2026-01-01T00:00:00Z'), notify: true });
    const recent = callback({ createdAt: new Date('2026-04-01T00:00:00Z') });
    await storage.createCallback(old);
    await storage.createCallback(recent);
    await storage.recordQuestions([
      { at: new Date('2026-01-01T00:00:00Z'), kind: 'fallback', unanswered: { key: 'old', text: 'old' } },
      { at: new Date('2026-04-01T00:00:00Z'), kind: 'fallback', unanswered: { key: 'new', text: 'new' } },
    ]);
    const result = await storage.deleteOlderThan(new Date('2026-02-01T00:00:00Z'));
    expect(result).toEqual({ callbacks: 1, unanswered: 1 });
    expect((await storage.listCallbacks({ limit: 10 })).map((r) => r.id)).toEqual([recent.id]);
    expect((await storage.listUnanswered(10)).map((q) => q.key)).toEqual(['new']);
    expect(await storage.dueNotifications(new Date('2030-01-01'), 10)).toEqual([]);
  });
});

describe('limits', () => {
  const minute = 60_000;
  it('counts hits per key in epoch-aligned windows, gives hits back and drops ended windows', async () => {
    const at = new Date('2026-03-01T10:00:30Z');
    expect(await storage.hitLimit('a', minute, at)).toEqual({ count: 1, resetAt: new Date('2026-03-01T10:01:00Z') });
    expect((await storage.hitLimit('a', minute, new Date('2026-03-01T10:00:59.999Z'))).count).toBe(2);
    expect((await storage.hitLimit('b', minute, at)).count).toBe(1);
    // The same key with another window length is another counter.
    expect((await storage.hitLimit('a', 10 * minute, at)).count).toBe(1);
    await storage.releaseLimit('a', minute, new Date('2026-03-01T10:01:00Z'));
    expect((await storage.hitLimit('a', minute, at)).count).toBe(2);
    expect(await storage.hitLimit('a', minute, new Date('2026-03-01T10:01:00Z'))).toEqual({ count: 1, resetAt: new Date('2026-03-01T10:02:00Z') });
    expect(await storage.deleteLimitsBefore(new Date('2026-03-01T10:01:30Z'))).toBe(2);
    expect((await storage.hitLimit('b', minute, at)).count).toBe(1);
  });

  it('never hands out one place twice to two connections on the same file', async () => {
    const other = openSqliteStorage(join(dir, 'nested', 'data'));
    const at = new Date('2026-03-01T10:00:00Z');
    const counts = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? storage : other).hitLimit('k', minute, at)));
    expect(counts.map((c) => c.count).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    await other.close();
  });
});
