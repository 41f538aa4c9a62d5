import { rmSync } from 'node:fs';
import { request } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startTestServer, validCallback, type TestServer } from './support/start.ts';

const servers: TestServer[] = [];
afterAll(async () => {
  for (const s of servers) {
    await s.close();
    rmSync(s.dataDir, { recursive: true, force: true });
  }
});
const start = async (env: Record<string, string> = {}) => {
  const s = await startTestServer({ env });
  servers.push(s);
  return s;
};

const preflight = (s: TestServer, origin: string, path = '/api/callback') =>
  fetch(`${s.url}${path}`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,idempotency-key' },
  });

describe('CORS on the API', () => {
  it('by default allows localhost on any port and refuses other sites', async () => {
    const s = await start();
    const ok = await preflight(s, 'http://localhost:5173');
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(ok.headers.get('access-control-allow-headers')).toBe('Content-Type, Idempotency-Key');
    expect((await preflight(s, 'https://random-site.example')).status).toBe(403);
  });

  it('with ALLOWED_ORIGINS allows exactly the listed origins (plus its own)', async () => {
    const s = await start({ ALLOWED_ORIGINS: 'https://www.clinic.example' });
    expect((await preflight(s, 'https://www.clinic.example')).status).toBe(204);
    expect((await preflight(s, 'http://localhost:5173')).status).toBe(403);
    const post = await s.postJson('/api/callback', validCallback, { origin: 'https://www.clinic.example' });
    expect(post.status).toBe(201);
    expect(post.headers.get('access-control-allow-origin')).toBe('https://www.clinic.example');
    const refused = await s.postJson('/api/callback', validCallback, { origin: 'https://evil.example' });
    expect(refused.status).toBe(403);
    const own = await s.postJson('/api/ask', { question: 'What is a medial branch block?' }, { origin: s.url });
    expect(own.status).toBe(200);
  });

  it('logs a refused origin once, with the setting that would allow it', async () => {
    const s = await start({ ALLOWED_ORIGINS: 'https://www.clinic.example' });
    expect((await preflight(s, 'https://clinic.example', '/api/ask')).status).toBe(403);
    expect((await preflight(s, 'https://clinic.example', '/api/ask')).status).toBe(403);
    await fetch(`${s.url}/api/config`, { headers: { origin: 'https://other.example' } });
    expect(s.errorLog).toEqual([
      'CORS: refused OPTIONS /api/ask from https://clinic.example: add it to ALLOWED_ORIGINS to let that site use the chat (now: this server\'s own pages and https://www.clinic.example)',
      'CORS: refused GET /api/config from https://other.example: add it to ALLOWED_ORIGINS to let that site use the chat (now: this server\'s own pages and https://www.clinic.example)',
    ]);
    await preflight(s, 'https://www.clinic.example');
    expect(s.errorLog).toHaveLength(2);
  });

  it('keeps CORS headers on error responses so the widget can read them', async () => {
    const s = await start();
    const res = await s.postJson('/api/callback', { name: '' }, { origin: 'http://127.0.0.1:3000' });
    expect(res.status).toBe(400);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:3000');
  });

  it('does not open the staff API to other origins (no Authorization in allowed headers)', async () => {
    const s = await start();
    const res = await fetch(`${s.url}/api/admin/callbacks`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    expect(res.headers.get('access-control-allow-headers')).not.toMatch(/authorization/i);
  });

  describe('behind an HTTPS proxy with the production settings', () => {
    const production = { PUBLIC_URL: 'https://chat.clinic.example', ALLOWED_ORIGINS: 'https://www.clinic.example' };

    /** A request as the proxy forwards it: its own Host and headers, which fetch cannot set. */
    const forwarded = (s: TestServer, method: string, path: string, headers: Record<string, string>, body = '') =>
      new Promise<number>((resolve, reject) => {
        const url = new URL(path, s.url);
        const req = request(url, { method, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } }, (res) => {
          res.resume();
          resolve(res.statusCode!);
        });
        req.on('error', reject);
        req.end(body);
      });
    const ask = JSON.stringify({ question: 'What is a medial branch block?' });

    it('lets its own pages at PUBLIC_URL call the API, whatever the Host', async () => {
      const s = await start(production);
      const own = { host: 'chat.clinic.example', origin: 'https://chat.clinic.example' };
      expect(await forwarded(s, 'POST', '/api/ask', own, ask)).toBe(200);
      expect(await forwarded(s, 'POST', '/api/ask', { host: 'internal:8787', origin: 'https://chat.clinic.example' }, ask)).toBe(200);
      const { id } = await (await s.postJson('/api/callback', validCallback)).json();
      const patch = await forwarded(
        s,
        'PATCH',
        `/api/admin/callbacks/${id}`,
        { ...own, authorization: `Bearer ${ADMIN_TOKEN}` },
        JSON.stringify({ status: 'contacted' }),
      );
      expect(patch).toBe(200);
      expect(await forwarded(s, 'POST', '/api/ask', { host: 'chat.clinic.example', origin: 'https://chat.clinic.example.evil.example' }, ask)).toBe(403);
      // Without a trusted proxy the connection's own scheme (plain http) counts, never the forwarded one.
      expect(await forwarded(s, 'POST', '/api/ask', { host: 'other.clinic.example', origin: 'https://other.clinic.example' }, ask)).toBe(403);
    });

    it('trusts X-Forwarded-Proto with Host only behind TRUST_PROXY', async () => {
      const headers = { host: 'other-name.clinic.example', origin: 'https://other-name.clinic.example', 'x-forwarded-proto': 'https' };
      const trusting = await start({ ...production, TRUST_PROXY: '1' });
      expect(await forwarded(trusting, 'POST', '/api/ask', headers, ask)).toBe(200);
      const direct = await start(production);
      expect(await forwarded(direct, 'POST', '/api/ask', headers, ask)).toBe(403);
      expect(await forwarded(trusting, 'POST', '/api/ask', { ...headers, origin: 'https://evil.example' }, ask)).toBe(403);
    });
  });
});
