/**
 * The floor for /api/ask and /api/callback: bare Hono on @hono/node-server
 * that parses the body and answers JSON (no validation, retrieval or
 * storage). WORKERS=N runs it as N node:cluster workers, the floor for the
 * server's own cluster mode.
 */
import { serve } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import cluster from 'node:cluster';

const workers = Number(process.env.WORKERS ?? 1);
if (cluster.isPrimary && workers > 1) {
  for (let i = 0; i < workers; i++) cluster.fork();
  // The workers leave with the primary: their IPC channel closes.
  process.on('SIGTERM', () => process.exit(0));
} else {
  // The least any JSON endpoint does: read the body, answer a small object with the endpoint's status.
  const echo = (status: 200 | 201) => async (c: Context) => {
    const body = (await c.req.json()) as Record<string, unknown>;
    return c.json({ kind: 'fallback', fields: Object.keys(body).length }, status);
  };
  const app = new Hono();
  app.post('/api/ask', echo(200));
  app.post('/api/callback', echo(201));
  app.get('/healthz', (c) => c.json({ ok: true }));
  serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' });
}
