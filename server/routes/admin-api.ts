import { Hono } from 'hono';
import { createHash } from 'node:crypto';
import type { CallbackRecord } from '../api/contract.ts';
import { CSV_EXPORT_PAGE_ROWS } from '../api/limits.ts';
import type { StaffEnv } from '../auth/actor.ts';
import type { AppDeps } from '../deps.ts';
import { clientKey } from '../http/client-ip.ts';
import { HttpError, jsonError } from '../http/json-error.ts';
import { readJsonObject } from '../http/read-json.ts';
import { CSV_BYTE_ORDER_MARK, csvLine } from '../csv.ts';
import { requireRole, staffAuth } from '../middleware/staff-auth/index.ts';
import {
  auditExportQuery,
  auditQuery,
  callbackExportQuery,
  callbackListQuery,
  statsQuery,
  statusUpdate,
  unansweredQuery,
} from '../validation/admin-api.ts';
import { parseOr400 } from '../validation/parse.ts';
import { staffEmail } from '../validation/staff.ts';
import { entriesApi } from './entries-api.ts';
import { staffSessionApi } from './staff-session.ts';

const DAY_MS = 86_400_000;

/** The export's columns, in order. */
const CSV_COLUMNS = ['id', 'ref', 'createdAt', 'status', 'lang', 'name', 'phone', 'preferredTime', 'message', 'questions'] as const;
const csvCells = (r: CallbackRecord) =>
  [r.id, r.ref, r.createdAt, r.status, r.lang, r.name, r.phone, r.preferredTime, r.message, r.questions?.join('\n') ?? null];

/** Staff endpoints under `/api/admin`: a session (or ADMIN_TOKEN) and the right role for each. */
export function adminApi(deps: AppDeps): Hono<StaffEnv> {
  const { config, storage, questions, clock, knowledge, staff } = deps;
  const { audit } = staff;
  const app = new Hono<StaffEnv>();
  app.use('/api/admin/*', staffAuth({ token: config.adminToken, sessions: staff.sessions, key: clientKey(config.trustProxy) }), async (c, next) => {
    c.header('Cache-Control', 'no-store');
    return next();
  });
  app.route('/', staffSessionApi(deps));

  const callbacks = requireRole('frontdesk', 'admin');
  const answers = requireRole('editor', 'admin');
  const admin = requireRole('admin');

  // The inbox polls this; an unchanged list answers 304 with no body (and records no new view).
  app.get('/api/admin/callbacks', callbacks, async (c) => {
    const query = parseOr400(callbackListQuery, c.req.query());
    const etag = `"${createHash('sha256').update(`${await storage.callbacksVersion()}|${JSON.stringify(query)}`).digest('base64url').slice(0, 27)}"`;
    c.header('ETag', etag);
    if (c.req.header('if-none-match') === etag) return c.body(null, 304);
    const rows = await storage.listCallbacks(query);
    await audit.recordViews(c, c.var.actor, rows.map((r) => r.id));
    return c.json(rows);
  });

  app.get('/api/admin/callbacks.csv', callbacks, async (c) => {
    const query = parseOr400(callbackExportQuery, c.req.query());
    const pages = storage.callbackPages(query, CSV_EXPORT_PAGE_ROWS)[Symbol.asyncIterator]();
    // The first page is read before answering, so a storage failure is still a clean 503, not a cut-off file.
    let next = await pages.next();
    const { actor } = c.var;
    // Every exported request is audited, page by page, before its rows are sent.
    const audited = async (page: IteratorResult<CallbackRecord[]>) => {
      if (!page.done) await audit.record(c, actor, 'callback.export', page.value.map((r) => r.id), 'CSV');
      return page;
    };
    await audited(next);
    const encoder = new TextEncoder();
    const rows = (page: CallbackRecord[]) => encoder.encode(page.map((r) => csvLine(csvCells(r))).join(''));
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(CSV_BYTE_ORDER_MARK + csvLine([...CSV_COLUMNS])));
      },
      // One page per event-loop turn, and only as fast as the client reads: other requests keep flowing.
      async pull(controller) {
        if (next.done) return controller.close();
        controller.enqueue(rows(next.value));
        await new Promise((resolve) => setImmediate(resolve));
        next = await audited(await pages.next());
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

  app.patch('/api/admin/callbacks/:id', callbacks, async (c) => {
    const { status } = parseOr400(statusUpdate, await readJsonObject(c));
    const id = c.req.param('id');
    const updated = await storage.updateCallbackStatus(id, status, clock.now(), c.var.actor.who);
    if (updated === null) throw new HttpError(404, { error: 'no callback request has this id' });
    const before = updated.history.at(-2)?.status ?? 'new';
    await audit.record(c, c.var.actor, 'callback.status', [id], `${before} -> ${status}`);
    return c.json(updated);
  });

  // Only what is still unanswered today: a question an editor has since covered drops off the list.
  app.get('/api/admin/unanswered', answers, async (c) => {
    const { limit, lang } = parseOr400(unansweredQuery, c.req.query());
    await questions.flush();
    const rows = await storage.listUnanswered(limit, lang);
    // A note left after "Was this helpful? No" (it names its answer) stays: it says what that answer lacks.
    return c.json(rows.filter((q) => q.entryId || knowledge.decide(q.example).kind !== 'answer'));
  });

  app.get('/api/admin/feedback', answers, async (c) => c.json(await storage.feedbackSummary()));

  app.get('/api/admin/stats', async (c) => {
    const { days } = parseOr400(statsQuery, c.req.query());
    await questions.flush();
    const now = clock.now().getTime();
    const day = (t: number) => new Date(t).toISOString().slice(0, 10);
    return c.json(await storage.dailyStats(day(now - (days - 1) * DAY_MS), day(now)));
  });

  app.get('/api/admin/audit', admin, async (c) => c.json(await storage.listAudit(parseOr400(auditQuery, c.req.query()))));

  app.get('/api/admin/audit.csv', admin, async (c) => {
    const rows = await storage.listAudit(parseOr400(auditExportQuery, c.req.query()));
    await audit.record(c, c.var.actor, 'audit.export', [null], `${rows.length} entries`);
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="audit-${clock.now().toISOString().slice(0, 10)}.csv"`);
    const header = csvLine(['id', 'at', 'who', 'role', 'action', 'target', 'detail', 'address']);
    return c.body(CSV_BYTE_ORDER_MARK + header + rows.map((r) => csvLine([String(r.id), r.at, r.who, r.role, r.action, r.target, r.detail, r.address])).join(''));
  });

  app.get('/api/admin/accounts', admin, async (c) => c.json(await storage.listAccounts()));

  app.delete('/api/admin/accounts/:email', admin, async (c) => {
    const email = parseOr400(staffEmail, c.req.param('email'));
    if (email === c.var.actor.who) return jsonError(c, 400, 'you cannot remove your own account while signed in with it');
    if (!(await storage.removeAccount(email))) throw new HttpError(404, { error: 'no account has this email' });
    await audit.record(c, c.var.actor, 'account.remove', [email]);
    return c.json({ ok: true });
  });

  app.route('/', entriesApi(deps));
  return app;
}
