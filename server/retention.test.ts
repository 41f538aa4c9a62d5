import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { startRetention } from './retention.ts';
import { openSqliteStorage } from './storage/sqlite/index.ts';

it('purges again on every interval, not only at start', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'clinic-chat-retention-'));
  const storage = openSqliteStorage(dir);
  let now = Date.parse('2026-01-01T00:00:00Z');
  const retention = startRetention({ storage, days: 1, clock: { now: () => new Date(now) }, intervalMs: 10, log: () => {} });
  try {
    await storage.createCallback({
      id: 'c1', createdAt: new Date(now), name: 'A', phone: '5551234567',
      preferredTime: null, message: null, idempotencyHash: null, notify: false,
    });
    now += 2 * 86_400_000;
    while ((await storage.listCallbacks({ limit: 10 })).length > 0) await new Promise((r) => setTimeout(r, 10));
    expect(await storage.listCallbacks({ limit: 10 })).toEqual([]);
  } finally {
    retention.stop();
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
