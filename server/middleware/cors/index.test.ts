import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveOnLoopback, type Served } from '../../../test/server/support/serve.ts';
import { cors, originMatcher } from './index.ts';

describe('originMatcher', () => {
  it('matches exact origins case-insensitively and port wildcards', () => {
    const m = originMatcher(['https://www.clinic.example', 'http://localhost:*']);
    expect(m('https://www.clinic.example')).toBe(true);
    expect(m('HTTPS://WWW.CLINIC.EXAMPLE')).toBe(true);
    expect(m('http://localhost')).toBe(true);
    expect(m('http://localhost:5173')).toBe(true);
    expect(m('http://localhost.evil.example')).toBe(false);
    expect(m('http://localhost:80.evil.example')).toBe(false);
    expect(m('https://clinic.example')).toBe(false);
    expect(m('null')).toBe(false);
  });

  it('allows everything with *', () => {
    expect(originMatcher(['*'])('https://anything.example')).toBe(true);
  });
});

describe('cors', () => {
  let server: Served;
  beforeAll(async () => {
    const app = new Hono();
    app.use(cors({ origins: ['https://www.clinic.example'] }));
    app.on(['GET', 'POST'], '/api', (c) => c.json({ ok: true }));
    server = await serveOnLoopback(app);
  });
  afterAll(() => server.close());

  const preflight = (origin: string) =>
    fetch(`${server.url}/api`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, idempotency-key',
      },
    });

  it('answers an allowed preflight with the methods and headers the widget uses', async () => {
    const res = await preflight('https://www.clinic.example');
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://www.clinic.example');
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toBe('content-type, idempotency-key');
    expect(res.headers.get('vary')).toBe('Origin');
  });

  it('refuses a preflight from another origin', async () => {
    const res = await preflight('https://evil.example');
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(await res.json()).toEqual({ error: 'origin not allowed' });
  });

  it('sets the allow-origin header on allowed requests', async () => {
    const res = await fetch(`${server.url}/api`, { headers: { origin: 'https://www.clinic.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('https://www.clinic.example');
    expect(res.headers.get('access-control-expose-headers')).toBe('Retry-After, Idempotent-Replayed');
  });

  it('serves GETs from other origins without CORS headers and refuses their POSTs', async () => {
    const get = await fetch(`${server.url}/api`, { headers: { origin: 'https://evil.example' } });
    expect(get.status).toBe(200);
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
    const post = await fetch(`${server.url}/api`, { method: 'POST', headers: { origin: 'https://evil.example' } });
    expect(post.status).toBe(403);
  });

  it("always allows the server's own origin", async () => {
    const res = await fetch(`${server.url}/api`, { method: 'POST', headers: { origin: server.url } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(server.url);
  });

  it('leaves requests without Origin untouched', async () => {
    const res = await fetch(`${server.url}/api`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(res.headers.get('vary')).toBeNull();
  });
});
