/**
 * What happens when the disk lets us down, on a real SQLite file: nothing
 * is acknowledged that is not kept, `/healthz` says so (503 with a reason),
 * a damaged file is refused at start, and the log stays one line per
 * failure however many requests fail.
 */
import Database from 'better-sqlite3';
import { openSync, readdirSync, rmSync, writeSync, closeSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CallbackRecord } from '../../server/api/contract.ts';
import { ERROR_LOG_LIMITS } from '../../server/api/limits.ts';
import { DATABASE_FILE } from '../../server/storage/sqlite/open-database.ts';
import { freePort, spawnServer, waitHealthy, type ServerProcess } from './support/spawn.ts';
import { ADMIN_TOKEN, startTestServer, tempDir, validCallback } from './support/start.ts';

const dirs: string[] = [];
const children: ServerProcess[] = [];
afterAll(() => {
  for (const p of children) if (p.child.exitCode === null) p.child.kill('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
const dataDir = () => {
  const d = tempDir('faults');
  dirs.push(d);
  return d;
};

const health = async (url: string) => {
  const res = await fetch(`${url}/healthz`);
  return { status: res.status, body: await res.json() };
};
const post = (url: string, body: unknown) =>
  fetch(`${url}/api/callback`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const listed = async (url: string): Promise<CallbackRecord[]> =>
  (await fetch(`${url}/api/admin/callbacks?limit=1000`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).json();

async function spawnOn(dir: string, options: Parameters<typeof spawnServer>[1] = {}): Promise<ServerProcess> {
  const p = spawnServer({ PORT: String(await freePort()), DATA_DIR: dir, ADMIN_TOKEN, RATE_LIMIT_PER_MINUTE: '0' }, options);
  children.push(p);
  await waitHealthy(p);
  return p;
}

describe('the database deleted while running', () => {
  it('refuses writes with 503, fails health, keeps reads, and logs one line', async () => {
    const dir = dataDir();
    const server = await startTestServer({ dataDir: dir });
    try {
      const kept = await (await post(server.url, validCallback)).json();
      for (const f of readdirSync(dir)) if (f.startsWith(DATABASE_FILE)) rmSync(join(dir, f));

      for (let i = 0; i < 20; i++) {
        const res = await post(server.url, { ...validCallback, name: `After Delete ${i}` });
        expect(res.status).toBe(503);
        expect(res.headers.get('retry-after')).toBeTruthy();
        expect(Object.keys(await res.json())).toEqual(['error']);
      }
      expect(await health(server.url)).toEqual({
        status: 503,
        body: { ok: false, error: expect.any(String), reason: 'the database file was deleted while the server had it open' },
      });
      const patch = await server.admin(`/api/admin/callbacks/${kept.id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ status: 'contacted' }),
      });
      expect(patch.status).toBe(503);
      // The open file is now the only copy of what was stored: staff can still read and export it.
      expect((await listed(server.url)).map((r) => r.id)).toEqual([kept.id]);
      expect((await server.admin('/api/admin/callbacks.csv')).status).toBe(200);

      const lines = server.errorLog.filter((l) => l.includes('storage unavailable'));
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.length).toBeLessThanOrEqual(ERROR_LOG_LIMITS.linesPerWindow);
      for (const line of server.errorLog) expect(line).not.toContain('\n');
    } finally {
      await server.close();
    }
  });
});

describe('a full disk', () => {
  it('fails health before writes fail, once free space is under the floor', async () => {
    const server = await startTestServer({ storage: { minFreeBytes: Number.MAX_SAFE_INTEGER } });
    try {
      expect(await health(server.url)).toMatchObject({ status: 503, body: { ok: false, reason: 'the disk is nearly full' } });
    } finally {
      await server.close();
    }
  });

  it('answers 503 when writes fail, fails health, logs little, and loses no acknowledged request', async () => {
    const dir = dataDir();
    const full = await spawnOn(dir, { maxFileKb: 400 });
    const acknowledged: string[] = [];
    let refused: Response | undefined;
    for (let i = 0; i < 3000 && !refused; i++) {
      const res = await post(full.url, { ...validCallback, name: `Filler ${i}`, message: 'x'.repeat(500) });
      if (res.status === 201) acknowledged.push((await res.json()).id);
      else refused = res;
    }
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(refused?.status).toBe(503);
    expect(Object.keys(await refused!.json())).toEqual(['error']);
    for (let i = 0; i < 30; i++) expect((await post(full.url, validCallback)).status).toBe(503);
    const h = await health(full.url);
    expect(h.status).toBe(503);
    expect(h.body.reason).toMatch(/disk/);

    const storageLines = full.stderr().split('\n').filter((l) => l.includes('storage unavailable'));
    expect(storageLines.length).toBeLessThanOrEqual(ERROR_LOG_LIMITS.linesPerWindow);
    expect(full.stderr()).not.toMatch(/^\s+at /m);
    full.child.kill('SIGKILL');
    await full.exited;

    const after = await spawnOn(dir);
    const stored = new Set((await listed(after.url)).map((r) => r.id));
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    expect((await health(after.url)).status).toBe(200);
    after.child.kill('SIGTERM');
    await after.exited;
  });
});

describe('a damaged database file', () => {
  it('is refused at start with a message saying what to do', async () => {
    const dir = dataDir();
    writeFileSync(join(dir, DATABASE_FILE), 'this is not a database, it is a cat picture'.repeat(200));
    const p = spawnServer({ PORT: String(await freePort()), DATA_DIR: dir });
    children.push(p);
    expect(await p.exited).toBe(1);
    expect(p.stderr()).toMatch(/is damaged .*restore the latest backup/);
    expect(p.stdout()).not.toMatch(/listening/);
  });

  it('is refused at start when a page inside is damaged', async () => {
    const dir = dataDir();
    const server = await startTestServer({ dataDir: dir });
    for (let i = 0; i < 50; i++) await post(server.url, { ...validCallback, message: `note ${i} ${'y'.repeat(400)}` });
    await server.close();
    const db = new Database(join(dir, DATABASE_FILE));
    db.pragma('wal_checkpoint(TRUNCATE)');
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.close();
    const fd = openSync(join(dir, DATABASE_FILE), 'r+');
    writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, pageSize * 2); // page 3: some table's b-tree
    closeSync(fd);

    const p = spawnServer({ PORT: String(await freePort()), DATA_DIR: dir });
    children.push(p);
    expect(await p.exited).toBe(1);
    expect(p.stderr()).toMatch(/is damaged/);
  });
});
