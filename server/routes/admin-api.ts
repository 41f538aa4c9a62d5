import { Hono } from 'hono';
import type { CallbackRecord } from '../api/contract.ts';
import { CSV_EXPORT_PAGE_ROWS } from '../api/limits.ts';
import type { AppDeps } from '../deps.ts';
import { clientKey } from '../http/client-ip.ts';
import { HttpError } from '../http/json-error.ts';
import { readJsonObject } from '../http/read-json.ts';
import { CSV_BYTE_ORDER_MARK, csvLine } from '../csv.ts';
import { adminAuth } from '../middleware/admin-auth/index.ts';
import {
  callbackExportQuery,
  callbackListQuery,
  statsQuery,
  statusUpdate,
  unansweredQuery,
} from '../validation/admin-api.ts';
import { parseOr400 } from '../validation/parse.ts';
import { askSchema } from '../validation/public-api.ts';
import { summariseDecision } from '../answer/explain.ts';
import { toAskResponse } from '../answer/respond.ts';
import type { ExplainResponse } from '../api/contract.ts';

const DAY_MS = 86_400_000;

/** The export's columns, in order. */
const CSV_COLUMNS = ['id', 'createdAt', 'status', 'name', 'phone', 'preferredTime', 'message'] as const satisfies readonly (keyof CallbackRecord)[];

/** Staff endpoints under `/api/admin`, all behind the bearer token. */
export function adminApi({ config, storage, questions, clock, knowledge }: AppDeps): Hono {
  const app = new Hono().basePath('/api/admin');
  app.use(adminAuth({ token: config.adminToken, key: clientKey(config.trustProxy) }), async (c, next) => {
    c.header('Cache-Control', 'no-store');
    return next();
  });

  app.get('/callbacks', async (c) => {
    const query = parseOr400(callbackListQuery, c.req.query());
    return c.json(await storage.listCallbacks(query));
  });

  app.get('/callbacks.csv', async (c) => {
    const query = parseOr400(callbackExportQuery, c.req.query());
    const pages = storage.callbackPages(query, CSV_EXPORT_PAGE_ROWS)[Symbol.asyncIterator]();
    // The first page is read before answering, so a storage failure is still a clean 503, not a cut-off file.
    let next = await pages.next();
    const encoder = new TextEncoder();
    const rows = (page: CallbackRecord[]) =>
      encoder.encode(page.map((r) => csvLine(CSV_COLUMNS.map((column) => r[column]))).join(''));
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(CSV_BYTE_ORDER_MARK + csvLine([...CSV_COLUMNS])));
      },
      // One page per event-loop turn, and only as fast as the client reads: other requests keep flowing.
      async pull(controller) {
        if (next.done) return controller.close();
        controller.enqueue(rows(next.value));
        await new Promise((resolve) => setImmediate(resolve));
        next = await pages.next();
      },
      async cancel() {
        await pages.return?.();
      },
    });
    const day = clock.now().toISOString().slice(0, 10);
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="callbacks-${day}.csv"`);
    return c.body(body);
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

  // "Why did this answer win": the decision, the reply the visitor would get, and what every stage saw.
  app.post('/explain', async (c) => {
    const { question, lang } = parseOr400(askSchema, await readJsonObject(c));
    const { decision, trace } = knowledge.explain(question, lang);
    const body: ExplainResponse = { response: toAskResponse(decision, knowledge.profile(decision.lang)), decision: summariseDecision(decision), trace };
    return c.json(body);
  });

  app.get('/stats', async (c) => {
    const { days } = parseOr400(statsQuery, c.req.query());
    await questions.flush();
    const now = clock.now().getTime();
    const day = (t: number) => new Date(t).toISOString().slice(0, 10);
    return c.json(await storage.dailyStats(day(now - (days - 1) * DAY_MS), day(now)));
  });

  return app;
}
