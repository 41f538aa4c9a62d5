import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveOnLoopback, type Served } from '../../../test/server/support/serve.ts';
import { accessLog, batchedWriter, type AccessLogLine } from './index.ts';

describe('accessLog', () => {
  let server: Served;
  const lines: string[] = [];
  beforeAll(async () => {
    const app = new Hono();
    app.use(accessLog({ write: (l) => lines.push(l) }));
    app.post('/submit', async (c) => c.json({ got: await c.req.json() }, 201));
    server = await serveOnLoopback(app);
  });
  afterAll(() => server.close());

  it('writes one JSON line with method, path, status and ms, and never the query or body', async () => {
    await fetch(`${server.url}/submit?phone=5551234567`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Jane Doe' }),
    });
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!) as AccessLogLine;
    expect(line).toMatchObject({ method: 'POST', path: '/submit', status: 201 });
    expect(line.ms).toBeGreaterThanOrEqual(0);
    expect(Date.parse(line.time)).not.toBeNaN();
    expect(Object.keys(line).sort()).toEqual(['method', 'ms', 'path', 'status', 'time']);
    expect(lines[0]).not.toContain('5551234567');
    expect(lines[0]).not.toContain('Jane');
  });
});

describe('batchedWriter', () => {
  it('writes the lines of one event-loop turn in a single write, in order', async () => {
    const writes: string[] = [];
    const write = batchedWriter({ write: (chunk: string) => writes.push(chunk) });
    write('a');
    write('b');
    expect(writes).toEqual([]);
    await new Promise((r) => setImmediate(r));
    write('c');
    await new Promise((r) => setImmediate(r));
    expect(writes).toEqual(['a\nb\n', 'c\n']);
  });
});
