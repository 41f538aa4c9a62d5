/**
 * The floor for /api/ask: bare Hono on @hono/node-server that parses the body
 * and answers JSON. WORKERS=N runs it as N node:cluster workers, the floor
 * for the server's own cluster mode.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import cluster from 'node:cluster';

const workers = Number(process.env.WORKERS ?? 1);
if (cluster.isPrimary && workers > 1) {
  for (let i = 0; i < workers; i++) cluster.fork();
  // The workers leave with the primary: their IPC channel closes.
  process.on('SIGTERM', () => process.exit(0));
} else {
  const app = new Hono();
  app.post('/api/ask', async (c) => {
    const body = (await c.req.json()) as { question?: unknown };
    return c.json({ kind: 'fallback', echo: typeof body.question === 'string' ? body.question.length : 0 });
  });
  app.get('/healthz', (c) => c.json({ ok: true }));
  serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' });
}
