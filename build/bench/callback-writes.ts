import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPostgresStorage } from '../../server/storage/postgres/index.ts';
import { openSqliteStorage } from '../../server/storage/sqlite/index.ts';
import type { Storage } from '../../server/storage/types.ts';
import { postgresBin, startPostgres } from '../../test/support/postgres.ts';
import { median, percentile } from './stats.ts';

export interface WriteResult {
  name: string;
  perSecond: number;
  medianMs: number;
  p99Ms: number;
}

/** `count` writes from `concurrency` callers at once, each waiting for its own write before the next. */
async function timeWrites(name: string, count: number, write: (i: number) => unknown, concurrency = 1): Promise<WriteResult> {
  const times: number[] = [];
  const started = performance.now();
  let next = 0;
  const caller = async () => {
    for (let i = next++; i < count; i = next++) {
      const t = performance.now();
      await write(i);
      times.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, caller));
  const seconds = (performance.now() - started) / 1000;
  return { name, perSecond: count / seconds, medianMs: median(times), p99Ms: percentile(times, 99) };
}

const storeOne = (storage: Storage, i: number) =>
  storage.createCallback({
    id: randomUUID(),
    createdAt: new Date(),
    name: `Visitor ${i}`,
    phone: '+15555550100',
    preferredTime: 'mornings',
    message: 'Please call about the block next week.',
    idempotencyHash: randomUUID(),
    notify: true,
  });

/**
 * The same writes through the PostgreSQL storage (synchronous_commit=on, a
 * local throwaway server from Debian's package, loopback TCP); `skipped`
 * says why when PostgreSQL is not installed.
 */
export async function measurePostgresWrites(count: number): Promise<WriteResult | { skipped: string }> {
  if (postgresBin() === null) return { skipped: 'PostgreSQL is not installed (apt-get install postgresql)' };
  const server = await startPostgres();
  try {
    const storage = await openPostgresStorage(await server.createDatabase('bench'), { log: () => undefined });
    try {
      return await timeWrites('PostgreSQL storage, synchronous_commit=on (ours)', count, (i) => storeOne(storage, i));
    } finally {
      await storage.close();
    }
  } finally {
    await server.stop();
  }
}

/**
 * Callback requests through the real storage (WAL, synchronous=FULL, callback
 * plus outbox row in one transaction, committed in the writer thread), one
 * at a time and 32 at once (sharing commits), beside the same-sized row written with
 * better-sqlite3's WAL default (synchronous=NORMAL), which can lose the last
 * commits on a power cut: the gap is the price of never losing a request.
 */
export async function measureCallbackWrites(count: number): Promise<WriteResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-writes-'));
  try {
    const storage = openSqliteStorage(join(dir, 'ours'));
    const write = (i: number) => storeOne(storage, i);
    const ours = await timeWrites('SQLite storage, synchronous=FULL, one at a time (ours)', count, write);
    const grouped = await timeWrites('SQLite storage, synchronous=FULL, 32 at once: group commit (ours)', count, write, 32);
    await storage.close();

    const db = new Database(join(dir, 'baseline.db'));
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE callbacks (id TEXT PRIMARY KEY, created_at TEXT, name TEXT, phone TEXT, preferred_time TEXT, message TEXT)');
    const insert = db.prepare('INSERT INTO callbacks VALUES (?, ?, ?, ?, ?, ?)');
    const baseline = await timeWrites('plain insert, synchronous=NORMAL (floor)', count, (i) =>
      insert.run(randomUUID(), new Date().toISOString(), `Visitor ${i}`, '+15555550100', 'mornings', 'Please call.'),
    );
    db.close();
    return [ours, grouped, baseline];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
