import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { serveOnLoopback } from '../../../test/server/support/serve.ts';
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
});
