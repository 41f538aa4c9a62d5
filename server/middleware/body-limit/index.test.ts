import { Hono } from 'hono';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveOnLoopback, type Served } from '../../../test/server/support/serve.ts';
import { bodyLimit } from './index.ts';

/** A raw request, so the test controls Content-Length and Transfer-Encoding exactly. */
function rawPost(url: string, headers: Record<string, string>, chunks: string[]): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/echo`, { method: 'POST', headers }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    for (const c of chunks) req.write(c);
    req.end();
  });
}

describe('bodyLimit', () => {
  let server: Served;
  beforeAll(async () => {
    const app = new Hono();
    app.use(bodyLimit({ maxSize: 10 }));
    app.post('/echo', async (c) => c.text(await c.req.text()));
    app.get('/echo', (c) => c.text('get'));
    server = await serveOnLoopback(app);
  });
  afterAll(() => server.close());

  it('passes bodies up to the limit', async () => {
    const res = await fetch(`${server.url}/echo`, { method: 'POST', body: '0123456789' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('0123456789');
  });

  it('answers 413 JSON for a declared length over the limit', async () => {
    const res = await fetch(`${server.url}/echo`, { method: 'POST', body: '01234567890' });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: 'request body too large', maxBytes: 10 });
  });

  it('answers 411 for a chunked body without Content-Length', async () => {
    const res = await rawPost(server.url, { 'transfer-encoding': 'chunked' }, ['01', '23']);
    expect(res.status).toBe(411);
    expect(JSON.parse(res.body).error).toMatch(/Content-Length/);
  });

  it('leaves methods without bodies alone', async () => {
    expect((await fetch(`${server.url}/echo`)).status).toBe(200);
  });
});
