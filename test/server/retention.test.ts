import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CallbackRecord, UnansweredQuestion } from '../../server/api/contract.ts';
import { startTestServer, tempDir, validCallback } from './support/start.ts';

const DAY = 86_400_000;

describe('retention', () => {
  it('deletes callbacks and unanswered wording older than RETENTION_DAYS when the server starts', async () => {
    const dataDir = tempDir('retention');
    let now = Date.now() - 40 * DAY;
    const clock = { now: () => new Date(now) };
    const env = { RETENTION_DAYS: '30' };
    try {
      const first = await startTestServer({ dataDir, clock, env });
      const old = (await (await first.postJson('/api/callback', { ...validCallback, name: 'Old Request' })).json()).id;
      await first.postJson('/api/ask', { question: 'Do you validate parking tickets for the garage?' });
      const before: UnansweredQuestion[] = await (await first.admin('/api/admin/unanswered')).json();
      expect(before.some((q) => q.example.includes('parking'))).toBe(true);
      now += 20 * DAY; // 20 days old at the restart: kept
      const kept = (await (await first.postJson('/api/callback', { ...validCallback, name: 'Newer Request' })).json()).id;
      await first.close();

      now = Date.now();
      const second = await startTestServer({ dataDir, clock, env });
      const list: CallbackRecord[] = await (await second.admin('/api/admin/callbacks')).json();
      expect(list.map((r) => r.id)).toEqual([kept]);
      expect(list.map((r) => r.id)).not.toContain(old);
      const unanswered: UnansweredQuestion[] = await (await second.admin('/api/admin/unanswered')).json();
      expect(unanswered.some((q) => q.example.includes('parking'))).toBe(false);
      await second.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
