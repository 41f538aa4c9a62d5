import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveOnLoopback, type Served } from '../../../test/server/support/serve.ts';
import { contentType } from './index.ts';

describe('contentType', () => {
  let server: Served;
  beforeAll(async () => {
    const app = new Hono();
    app.use(contentType());
    app.on(['GET', 'POST'], '/x', (c) => c.json({ ok: true }));
    server = await serveOnLoopback(app);
  });
  afterAll(() => server.close());

  const post = (type: string | null) =>
    fetch(`${server.url}/x`, { method: 'POST', body: '{}', headers: type === null ? {} : { 'content-type': type } });

  it.each(['application/json', 'application/json; charset=utf-8', 'Application/JSON'])('accepts %s', async (type) => {
    expect((await post(type)).status).toBe(200);
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonp', ''])(
    'answers 415 JSON for "%s"',
    async (type) => {
      const res = await post(type);
      expect(res.status).toBe(415);
      expect(await res.json()).toEqual({ error: 'Content-Type must be application/json' });
    },
  );

  it('does not check GET', async () => {
    expect((await fetch(`${server.url}/x`)).status).toBe(200);
  });
});
