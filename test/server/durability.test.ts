import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { CallbackRecord } from '../../server/api/contract.ts';
import { freePort, spawnServer, waitHealthy, type ServerProcess } from './support/spawn.ts';
import { ADMIN_TOKEN, tempDir, validCallback } from './support/start.ts';

const dataDir = tempDir('durability');
const running: ServerProcess[] = [];
afterAll(async () => {
  for (const p of running) if (p.child.exitCode === null) p.child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(): Promise<ServerProcess> {
  const p = spawnServer({
    PORT: String(await freePort()),
    DATA_DIR: dataDir,
    ADMIN_TOKEN,
    RATE_LIMIT_PER_MINUTE: '0',
  });
  running.push(p);
  await waitHealthy(p);
  return p;
}

describe('durability', () => {
  it('keeps a callback acknowledged by the writer thread when the process is killed right after the 201', async () => {
    const first = await start();
    const res = await fetch(`${first.url}/api/callback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...validCallback, name: 'Killed Right After' }),
    });
    expect(res.status).toBe(201);
    // No grace at all: the commit must already be on disk when the 201 leaves.
    first.child.kill('SIGKILL');
    const { id } = (await res.json()) as { id: string };
    expect(await first.exited).toBe('SIGKILL');

    const second = await start();
    const list = await fetch(`${second.url}/api/admin/callbacks?limit=1000`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(((await list.json()) as CallbackRecord[]).find((r) => r.id === id)?.name).toBe('Killed Right After');
    second.child.kill('SIGKILL');
    await second.exited;
  });

  it('keeps every acknowledged callback across a SIGKILL mid-burst', async () => {
    const first = await start();
    const acknowledged: string[] = [];
    let killed = false;

    // 8 clients post as fast as they can; the process is killed once 40 are acknowledged.
    const client = async (n: number) => {
      for (let i = 0; !killed; i++) {
        try {
          const res = await fetch(`${first.url}/api/callback`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ ...validCallback, name: `Burst ${n}-${i}` }),
          });
          if (res.status === 201) acknowledged.push((await res.json()).id);
        } catch {
          return; // connection cut by the kill: not acknowledged, may or may not be stored
        }
        if (acknowledged.length >= 40 && !killed) {
          killed = true;
          first.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, (_, n) => client(n)));
    expect(await first.exited).toBe('SIGKILL');
    expect(acknowledged.length).toBeGreaterThanOrEqual(40);

    const second = await start();
    const res = await fetch(`${second.url}/api/admin/callbacks?limit=1000`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    const stored = new Set(((await res.json()) as CallbackRecord[]).map((r) => r.id));
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);

    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(second.stdout()).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/);
    expect(second.stderr()).toContain('SIGTERM: shutting down');
  });
});
