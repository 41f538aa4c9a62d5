import { Hono } from 'hono';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveOnLoopback, type Served } from '../../../test/server/support/serve.ts';
import { openSqliteStorage } from '../../storage/sqlite/index.ts';
import { rateLimit } from './index.ts';

describe('rateLimit', () => {
  let server: Served;
  let now = 1_000_000;
  beforeAll(async () => {
    const app = new Hono();
    // Keyed on a header so one test can act as many clients.
    app.use(rateLimit({ limit: 2, windowMs: 10_000, now: () => now, key: (c) => c.req.header('x-client') ?? 'socket', maxKeys: 3 }));
    app.on(['GET', 'POST'], '/x', (c) => c.json({ ok: true }));
    server = await serveOnLoopback(app);
  });
  afterAll(() => server.close());

  const post = (client: string) => fetch(`${server.url}/x`, { method: 'POST', headers: { 'x-client': client } });

  it('answers 429 JSON with Retry-After once the window is used up, then recovers', async () => {
    expect((await post('a')).status).toBe(200);
    expect((await post('a')).status).toBe(200);
    now += 2500;
    const limited = await post('a');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('8');
    expect(await limited.json()).toMatchObject({ error: expect.any(String), retryAfter: 8 });
    expect((await post('b')).status).toBe(200); // other clients are unaffected
    now += 7500;
    expect((await post('a')).status).toBe(200);
  });

  it('counts only POST', async () => {
    for (let i = 0; i < 5; i++) expect((await fetch(`${server.url}/x`, { headers: { 'x-client': 'g' } })).status).toBe(200);
  });

  it('forgets the oldest client beyond maxKeys instead of growing', async () => {
    now += 60_000;
    await post('p');
    await post('p'); // p used up
    await post('q');
    await post('r');
    await post('s'); // 4th key: p is dropped
    expect((await post('p')).status).toBe(200);
  });

  it('with count: successful, lets failed requests through without using the allowance', async () => {
    const app = new Hono();
    app.use(rateLimit({ limit: 1, count: 'successful' }));
    app.post('/x', (c) => (c.req.header('x-ok') ? c.json({ ok: true }, 201) : c.json({ error: 'bad' }, 400)));
    const s = await serveOnLoopback(app);
    const post = (ok: boolean) => fetch(`${s.url}/x`, { method: 'POST', headers: ok ? { 'x-ok': '1' } : {} });
    for (let i = 0; i < 3; i++) expect((await post(false)).status).toBe(400);
    expect((await post(true)).status).toBe(201);
    expect((await post(true)).status).toBe(429);
    expect((await post(false)).status).toBe(429);
    await s.close();
  });

  it('is a no-op with limit 0', async () => {
    const app = new Hono();
    app.use(rateLimit({ limit: 0 }));
    app.post('/x', (c) => c.json({ ok: true }));
    const s = await serveOnLoopback(app);
    for (let i = 0; i < 5; i++) expect((await fetch(`${s.url}/x`, { method: 'POST' })).status).toBe(200);
    await s.close();
  });

  it('with a store, counts there (Retry-After from its window), and in memory while the store fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clinic-chat-limit-'));
    const store = openSqliteStorage(dir);
    let t = Date.parse('2026-03-01T10:00:45Z');
    const app = new Hono();
    app.use(rateLimit({ limit: 2, store, now: () => t }));
    app.post('/x', (c) => c.json({ ok: true }));
    const s = await serveOnLoopback(app);
    const post = () => fetch(`${s.url}/x`, { method: 'POST' });
    try {
      expect((await post()).status).toBe(200);
      expect((await post()).status).toBe(200);
      const limited = await post();
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('15'); // the shared window ends on the minute
      await store.close();
      t += 60_000;
      expect((await post()).status).toBe(200);
      expect((await post()).status).toBe(200);
      expect((await post()).status).toBe(429);
    } finally {
      await s.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
