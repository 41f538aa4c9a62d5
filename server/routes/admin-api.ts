import { Hono } from 'hono';
import type { AppDeps } from '../deps.ts';
import { HttpError } from '../http/json-error.ts';
import { readJsonObject } from '../http/read-json.ts';
import { toCsv } from '../csv.ts';
import { adminAuth } from '../middleware/admin-auth/index.ts';
import {
  callbackExportQuery,
  callbackListQuery,
  statsQuery,
  statusUpdate,
  unansweredQuery,
} from '../validation/admin-api.ts';
import { parseOr400 } from '../validation/parse.ts';

const DAY_MS = 86_400_000;

/** Staff endpoints under `/api/admin`, all behind the bearer token. */
export function adminApi({ config, storage, questions, clock }: AppDeps): Hono {
  const app = new Hono().basePath('/api/admin');
  app.use(adminAuth({ token: config.adminToken }), async (c, next) => {
    c.header('Cache-Control', 'no-store');
    return next();
  });

  app.get('/callbacks', async (c) => {
    const query = parseOr400(callbackListQuery, c.req.query());
    return c.json(await storage.listCallbacks(query));
  });

  app.get('/callbacks.csv', async (c) => {
    const query = parseOr400(callbackExportQuery, c.req.query());
    const rows = await storage.listCallbacks(query);
    const csv = toCsv(
      ['id', 'ref', 'createdAt', 'status', 'name', 'phone', 'preferredTime', 'message'],
      rows.map((r) => [r.id, r.ref, r.createdAt, r.status, r.name, r.phone, r.preferredTime, r.message]),
    );
    const day = clock.now().toISOString().slice(0, 10);
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="callbacks-${day}.csv"`);
    return c.body(csv);
  });

  app.patch('/callbacks/:id', async (c) => {
    const { status } = parseOr400(statusUpdate, await readJsonObject(c));
    const updated = await storage.updateCallbackStatus(c.req.param('id'), status, clock.now());
    if (updated === null) throw new HttpError(404, { error: 'no callback request has this id' });
    return c.json(updated);
  });

  app.get('/unanswered', async (c) => {
    const { limit } = parseOr400(unansweredQuery, c.req.query());
    await questions.flush();
    return c.json(await storage.listUnanswered(limit));
  });

  app.get('/feedback', async (c) => c.json(await storage.feedbackSummary()));

  app.get('/stats', async (c) => {
    const { days } = parseOr400(statsQuery, c.req.query());
    await questions.flush();
    const now = clock.now().getTime();
    const day = (t: number) => new Date(t).toISOString().slice(0, 10);
    return c.json(await storage.dailyStats(day(now - (days - 1) * DAY_MS), day(now)));
  });

  return app;
}
