import pg from 'pg';
import { newCallback } from '../../../test/support/new-callback.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type TestPostgres } from '../../../test/support/postgres.ts';
import { StorageUnavailableError } from '../errors.ts';
import { migrations as sqliteMigrations } from '../sqlite/migrations.ts';
import type { NewCallback } from '../types.ts';
import { pgCallbacks } from './callbacks.ts';
import { openPostgresStorage } from './index.ts';
import { migrations } from './migrations.ts';
import { openPool } from './pool.ts';

const silent = { log: () => undefined };
let server: TestPostgres;
let n = 0;
const database = () => server.createDatabase(`pg_${++n}`);
beforeAll(async () => {
  server = await startPostgres();
});
afterAll(() => server.stop());

const callback = (patch: Partial<NewCallback> = {}): NewCallback => newCallback({ notify: true, ...patch });

async function sql<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

describe('migrations', () => {
  it('has a step for every SQLite step, so both schemas move together', () => {
    expect(migrations.length).toBe(sqliteMigrations.length);
  });

  it('lets replicas that start at the same moment migrate once, one at a time', async () => {
    const url = await database();
    const stores = await Promise.all(Array.from({ length: 4 }, () => openPostgresStorage(url, silent)));
    const applied = await sql<{ version: number }>(url, 'SELECT version FROM schema_migrations ORDER BY version');
    expect(applied.map((r) => r.version)).toEqual(migrations.map((_, i) => i + 1));
    await Promise.all(stores.map((s) => s.close()));
  });

  it('refuses a database from a newer server', async () => {
    const url = await database();
    await (await openPostgresStorage(url, silent)).close();
    await sql(url, 'INSERT INTO schema_migrations (version) VALUES ($1)', [migrations.length + 1]);
    await expect(openPostgresStorage(url, silent)).rejects.toThrow(/newer than this server/);
  });

  it('names DATABASE_URL when the database cannot be reached', async () => {
    await expect(openPostgresStorage(`postgres://postgres@127.0.0.1:1/none`, silent)).rejects.toThrow(/DATABASE_URL: the database cannot be reached/);
  });
});

describe('durability', () => {
  it('commits with synchronous_commit=on even where the database default is off', async () => {
    const url = await database();
    await sql(url, `ALTER DATABASE ${pg.escapeIdentifier(`pg_${n}`)} SET synchronous_commit = off`);
    const durable = openPool({ url, max: 1, commit: 'durable', log: () => undefined });
    const relaxed = openPool({ url, max: 1, commit: 'relaxed', log: () => undefined });
    expect((await durable.query('SHOW synchronous_commit')).rows[0].synchronous_commit).toBe('on');
    expect((await relaxed.query('SHOW synchronous_commit')).rows[0].synchronous_commit).toBe('off');
    await Promise.all([durable.end(), relaxed.end()]);
  });

  it('keeps the audit trail append-only in the database itself', async () => {
    const url = await database();
    const storage = await openPostgresStorage(url, silent);
    await storage.appendAudit([{ at: new Date(), who: 'a@clinic.example', role: 'admin', action: 'callback.view', target: 'c1', detail: null, address: '203.0.113.1' }]);
    await expect(sql(url, `UPDATE audit SET who = 'someone else'`)).rejects.toThrow(/append-only/);
    await expect(sql(url, `DELETE FROM audit`)).rejects.toThrow(/retention period/);
    await expect(sql(url, `TRUNCATE audit`)).rejects.toThrow(/append-only/);
    expect(await storage.listAudit({ limit: 10 })).toHaveLength(1);
    await storage.close();
  });
});

describe('callbacks', () => {
  it('draws the short reference again when one is already taken', async () => {
    const url = await database();
    const storage = await openPostgresStorage(url, silent);
    const pool = openPool({ url, max: 1, commit: 'durable', log: () => undefined });
    const draws = ['K7-4Q2', 'K7-4Q2', 'K7-4Q2', 'AB-CDE'];
    const callbacks = pgCallbacks(pool, { newRef: () => draws.shift()! });
    expect((await callbacks.createCallback(callback())).ref).toBe('K7-4Q2');
    expect((await callbacks.createCallback(callback())).ref).toBe('AB-CDE');
    expect((await storage.listCallbacks({ limit: 10 })).map((r) => r.ref)).toEqual(['AB-CDE', 'K7-4Q2']);
    await pool.end();
    await storage.close();
  });
});

describe('question counts across replicas', () => {
  it('never deadlocks when replicas flush the same days and kinds in opposite orders', async () => {
    const url = await database();
    const [a, b] = await Promise.all([openPostgresStorage(url, silent), openPostgresStorage(url, silent)]);
    const day1 = new Date('2026-03-01T10:00:00Z');
    const day2 = new Date('2026-03-02T10:00:00Z');
    const batch = [
      { at: day1, kind: 'answer' as const },
      { at: day1, kind: 'fallback' as const, unanswered: { key: 'k', text: 'k' } },
      { at: day2, kind: 'answer' as const },
      { at: day2, kind: 'emergency' as const },
    ];
    for (let round = 0; round < 30; round++) {
      await Promise.all([a.recordQuestions(batch), b.recordQuestions([...batch].reverse())]);
    }
    const stats = await a.dailyStats('2026-03-01', '2026-03-02');
    expect(stats.map((d) => d.questions)).toEqual([2 * 30 * 2, 2 * 30 * 2]);
    await Promise.all([a.close(), b.close()]);
  });
});

describe('outbox across replicas', () => {
  it('never gives two replicas the same notification, and retries a dead claimer\'s after its lease', async () => {
    const url = await database();
    const a = await openPostgresStorage(url, { ...silent, outboxLeaseMs: 30_000 });
    const b = await openPostgresStorage(url, { ...silent, outboxLeaseMs: 30_000 });
    const ids = [];
    for (let i = 0; i < 40; i++) ids.push((await a.createCallback(callback())).id);
    const now = new Date('2026-03-01T10:00:00Z');
    const claims = await Promise.all([a.dueNotifications(now, 15), b.dueNotifications(now, 15), a.dueNotifications(now, 15), b.dueNotifications(now, 15)]);
    const claimed = claims.flat().map((c) => c.callbackId);
    expect(claimed).toHaveLength(40);
    expect(new Set(claimed)).toEqual(new Set(ids));
    // Nothing is due while the leases run ...
    expect(await b.dueNotifications(new Date(now.getTime() + 29_999), 100)).toEqual([]);
    expect(await b.nextNotificationDue()).toEqual(new Date(now.getTime() + 30_000));
    // ... and a's claims (say a was killed) come back when they end; b's delivered ones never do.
    for (const n of claims[1]!.concat(claims[3]!)) await b.markNotificationDelivered(n.id, now);
    const retried = await b.dueNotifications(new Date(now.getTime() + 30_000), 100);
    expect(retried.map((r) => r.callbackId).sort()).toEqual(claims[0]!.concat(claims[2]!).map((c) => c.callbackId).sort());
    await a.close();
    await b.close();
  });
});

describe('while the database is down', () => {
  it('refuses writes with StorageUnavailableError, fails health, and recovers by itself', async () => {
    const url = await database();
    const storage = await openPostgresStorage(url, silent);
    await storage.createCallback(callback());
    await server.pause();
    try {
      await expect(storage.createCallback(callback())).rejects.toBeInstanceOf(StorageUnavailableError);
      await expect(storage.listCallbacks({ limit: 10 })).rejects.toBeInstanceOf(StorageUnavailableError);
      expect(await storage.health()).toEqual({ ok: false, reason: 'the database cannot be reached' });
    } finally {
      await server.resume();
    }
    expect(await storage.health()).toEqual({ ok: true });
    await storage.createCallback(callback());
    expect(await storage.listCallbacks({ limit: 10 })).toHaveLength(2);
    await storage.close();
  });
});

describe('revision change feed', () => {
  it('tells every other replica that an answer changed, and again after a reconnect', async () => {
    const url = await database();
    const a = await openPostgresStorage(url, silent);
    const b = await openPostgresStorage(url, silent);
    let told = 0;
    const connected = new Promise<void>((resolve) => {
      const stop = b.watchRevisions!(() => {
        told++;
        resolve();
      });
      void stop;
    });
    await connected; // the first call comes on connect
    await a.addRevision({ entryId: 'what-is-mbb', at: new Date(), who: 'ed@clinic.example', note: 'saved', source: 'v2' });
    await expect.poll(() => told, { timeout: 5000 }).toBe(2);
    // The listening connection is cut (a database restart, a failover): it comes back and says "check again".
    await sql(url, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'clinic-chat listen'`);
    await expect.poll(() => told, { timeout: 5000 }).toBe(3);
    await a.close();
    await b.close();
  });
});
