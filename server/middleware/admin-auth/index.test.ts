import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { serveOnLoopback } from '../../../test/server/support/serve.ts';
import { FailureLimiter } from '../../http/failure-limiter.ts';
import { adminAuth } from './index.ts';

const TOKEN = 'correct-horse-battery-staple';

async function statusFor(token: string | null, authorization?: string): Promise<number> {
  const app = new Hono();
  app.use(adminAuth({ token }));
  app.get('/admin', (c) => c.json({ ok: true }));
  const server = await serveOnLoopback(app);
  try {
    const res = await fetch(`${server.url}/admin`, { headers: authorization ? { authorization } : {} });
    if (res.status === 401) {
      expect(res.headers.get('www-authenticate')).toContain('Bearer');
      expect((await res.json()).error).toMatch(/unauthorized/);
    }
    return res.status;
  } finally {
    await server.close();
  }
}

describe('adminAuth', () => {
  it('lets the right bearer token through', async () => {
    expect(await statusFor(TOKEN, `Bearer ${TOKEN}`)).toBe(200);
    expect(await statusFor(TOKEN, `bearer ${TOKEN}`)).toBe(200);
  });

  it.each([undefined, 'Bearer', `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`, `Basic ${TOKEN}`, TOKEN])(
    'refuses %s with 401',
    async (authorization) => {
      expect(await statusFor(TOKEN, authorization)).toBe(401);
    },
  );

  it('refuses everyone when no token is configured', async () => {
    expect(await statusFor(null, 'Bearer ')).toBe(401);
    expect(await statusFor(null, 'Bearer anything')).toBe(401);
    expect(await statusFor('', 'Bearer ')).toBe(401);
  });

  it('limits wrong tokens per client with 429 and Retry-After, then lets it try again after the window', async () => {
    let now = 0;
    const failures = new FailureLimiter({ maxFailures: 3, windowMs: 60_000, now: () => now });
    const app = new Hono();
    app.use(adminAuth({ token: TOKEN, failures, key: (c) => c.req.header('x-client') ?? '' }));
    app.get('/admin', (c) => c.json({ ok: true }));
    const server = await serveOnLoopback(app);
    const get = (client: string, token: string) =>
      fetch(`${server.url}/admin`, { headers: { 'x-client': client, authorization: `Bearer ${token}` } });
    try {
      for (let i = 0; i < 3; i++) expect((await get('a', 'guess')).status).toBe(401);
      const limited = await get('a', TOKEN);
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('60');
      expect(await limited.json()).toMatchObject({ error: expect.stringMatching(/too many/), retryAfter: 60 });
      expect((await get('b', TOKEN)).status).toBe(200);
      // A request without credentials is not a guess.
      expect((await fetch(`${server.url}/admin`, { headers: { 'x-client': 'c' } })).status).toBe(401);
      expect(failures.blockedFor('c')).toBe(0);
      now = 60_000;
      expect((await get('a', TOKEN)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
