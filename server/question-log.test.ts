import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { createQuestionLog } from './question-log.ts';
import { openSqliteStorage } from './storage/sqlite/index.ts';
import type { Storage } from './storage/types.ts';

let dir: string;
let storage: Storage;
const clock = { now: () => new Date('2026-05-04T12:00:00Z') };
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'clinic-chat-qlog-'));
  storage = openSqliteStorage(dir);
});
afterEach(async () => {
  await storage.close();
  rmSync(dir, { recursive: true, force: true });
});

const today = async () => (await storage.dailyStats('2026-05-04', '2026-05-04'))[0]!.questions;

it('writes nothing until flushed (or the buffer fills), then everything', async () => {
  const log = createQuestionLog({ store: storage, clock, flushMs: 60_000, maxBuffer: 3 });
  log.record('answer', 'What is a medial branch block?');
  log.record('emergency', 'I cannot feel my legs');
  expect(await today()).toBe(0);
  log.record('answer', 'Can I drive?'); // third event fills the buffer
  // Written without a flush call: it goes through the writer thread, so wait for it rather than a fixed tick.
  await vi.waitFor(async () => expect(await today()).toBe(3));
  log.record('answer', 'Will it hurt?');
  await log.flush();
  expect(await today()).toBe(4);
});

it('keeps only fallback wording, redacted and grouped, with the newest as the example', async () => {
  let t = Date.parse('2026-05-04T12:00:00Z');
  const log = createQuestionLog({ store: storage, clock: { now: () => new Date((t += 1000)) } });
  log.record('answer', 'call me on 555 123 4567 about my block');
  log.record('fallback', 'Do you take Medicare? Call 555 123 4567');
  log.record('fallback', 'do you take medicare? call (555) 765-4321!');
  await log.flush();
  expect(await storage.listUnanswered(10)).toEqual([
    { key: 'do you take medicare call [phone]', count: 2, example: 'do you take medicare? call [phone]!', lastAskedAt: '2026-05-04T12:00:03.000Z', entryId: null, lang: null },
  ]);
});

it('keeps the language an unanswered question was asked in, so staff can list one language', async () => {
  let t = Date.parse('2026-06-01T12:00:00Z');
  const log = createQuestionLog({ store: storage, clock: { now: () => new Date((t += 1000)) } });
  log.record('fallback', '¿dónde me estaciono?', 'es');
  log.record('fallback', 'where do I park my bike', 'en');
  await log.flush();
  expect((await storage.listUnanswered(50, 'es')).map((q) => [q.example, q.lang])).toEqual([['¿dónde me estaciono?', 'es']]);
  expect((await storage.listUnanswered(50, 'en')).map((q) => q.example)).toContain('where do I park my bike');
});
