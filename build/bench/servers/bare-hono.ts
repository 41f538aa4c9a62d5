/** The floor for /api/ask: bare Hono on @hono/node-server that parses the body and answers JSON. */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono();
app.post('/api/ask', async (c) => {
  const body = (await c.req.json()) as { question?: unknown };
  return c.json({ kind: 'fallback', echo: typeof body.question === 'string' ? body.question.length : 0 });
});
app.get('/healthz', (c) => c.json({ ok: true }));

serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' });
