import { Hono, type Context } from 'hono';
import type { EntryCheck, EntryInput, EntrySummary, Lang, PhrasingAdded } from '../api/contract.ts';
import type { StaffEnv } from '../auth/actor.ts';
import type { AppDeps } from '../deps.ts';
import { HttpError } from '../http/json-error.ts';
import { readJsonObject } from '../http/read-json.ts';
import { explainQuestion } from '../knowledge-admin/explain.ts';
import { entryMarkdown, parseEntry } from '../knowledge-admin/entry-files.ts';
import type { CandidateResult } from '../knowledge-admin/live-knowledge.ts';
import { requireRole } from '../middleware/staff-auth/index.ts';
import { entryIdSchema, explainSchema, parseEntryOr400, phrasingSchema } from '../validation/entries.ts';
import { parseOr400 } from '../validation/parse.ts';

/** Staff-worded problems grouped by the form field they belong to. */
function fieldsOf(result: CandidateResult): Record<string, string> {
  if (result.ok) return {};
  const fields: Record<string, string> = {};
  for (const p of result.problems) {
    const key = result.elsewhere ? 'entry' : (p.field?.split(' ')[0]?.toLowerCase() ?? 'entry');
    const name = { alternate: 'questions', related: 'related', source: 'sources', tag: 'tags', answer: 'body', title: 'title', id: 'id' }[key] ?? 'entry';
    const text = result.elsewhere ? `${p.file}: ${p.field ? `${p.field}: ` : ''}${p.reason}` : `${p.field ? `${p.field}: ` : ''}${p.reason}`;
    fields[name] = fields[name] ? `${fields[name]}; ${text}` : text;
  }
  return fields;
}

/** Answers edited in the browser, "try a question" and the knowledge base status (editor or admin). */
export function entriesApi({ kb, knowledge, storage, clock, staff }: AppDeps): Hono<StaffEnv> {
  const app = new Hono<StaffEnv>();
  app.use('/api/admin/entries/*', requireRole('editor', 'admin'));
  app.use('/api/admin/entries', requireRole('editor', 'admin'));
  app.use('/api/admin/explain', requireRole('editor', 'admin'));
  app.use('/api/admin/kb/*', requireRole('editor', 'admin'));

  const summaries = async (): Promise<EntrySummary[]> => {
    const feedback = new Map((await storage.feedbackSummary()).map((f) => [f.entryId, f]));
    return kb.entries().map((e) => ({ ...e, helpful: feedback.get(e.id)?.helpful ?? 0, notHelpful: feedback.get(e.id)?.notHelpful ?? 0 }));
  };
  const find = async (id: string): Promise<EntrySummary | null> => (await summaries()).find((e) => e.id === id) ?? null;
  const explain = (question: string, lang?: Lang) => explainQuestion(knowledge, question, lang);
  const idParam = (c: Context) => parseOr400(entryIdSchema, c.req.param('id'));

  /** Validates, keeps a revision, writes and reloads; a 400 names the fields and nothing changes. */
  const save = async (c: Context<StaffEnv>, id: string, input: EntryInput, note: string) => {
    const previous = kb.entrySource(id);
    const text = entryMarkdown(id, input, clock.now().toISOString().slice(0, 10));
    const result = await kb.saveEntry(id, text);
    if (!result.ok) {
      const status = result.elsewhere ? 409 : 400;
      throw new HttpError(status, {
        error: result.elsewhere ? 'another file in the knowledge base has a problem: fix it first (see Knowledge base status)' : 'please check the highlighted fields',
        fields: fieldsOf(result),
      });
    }
    const who = c.var.actor.who;
    // The first browser edit of a file written by hand keeps that version too, so it can be restored.
    if (previous !== null && (await storage.listRevisions(id)).length === 0) {
      await storage.addRevision({ entryId: id, at: clock.now(), who: 'file on disk', note: 'before the first edit here', source: previous });
    }
    const revision = await storage.addRevision({ entryId: id, at: clock.now(), who, note, source: text });
    await staff.audit.record(c, c.var.actor, result.created ? 'entry.create' : 'entry.save', [id], `${note} (revision ${revision})`);
    return { created: result.created === true, entry: (await find(id))! };
  };

  app.get('/api/admin/entries', async (c) => {
    const q = (c.req.query('q') ?? '').trim().toLowerCase();
    const last = await storage.lastRevisions();
    const list = (await summaries()).filter(
      (e) => !q || [e.id, e.title, e.body, ...e.questions, ...e.tags].some((s) => s.toLowerCase().includes(q)),
    );
    return c.json(list.map((e) => ({ ...e, lastChange: last.get(e.id) ?? null })));
  });

  app.get('/api/admin/entries/:id', async (c) => {
    const id = idParam(c);
    const entry = await find(id);
    if (!entry) throw new HttpError(404, { error: `no answer has the id "${id}"` });
    return c.json({ ...entry, revisions: await storage.listRevisions(id) });
  });

  app.post('/api/admin/entries/:id/check', async (c) => {
    const id = idParam(c);
    let input: EntryInput;
    try {
      input = parseEntryOr400(await readJsonObject(c), id);
    } catch (error) {
      if (error instanceof HttpError && error.status === 400) return c.json({ ok: false, fields: error.body.fields ?? {} } satisfies EntryCheck);
      throw error;
    }
    const result = kb.checkEntry(id, entryMarkdown(id, input, clock.now().toISOString().slice(0, 10)));
    return c.json({ ok: result.ok, fields: fieldsOf(result) } satisfies EntryCheck);
  });

  app.put('/api/admin/entries/:id', async (c) => {
    const id = c.req.param('id');
    const input = parseEntryOr400(await readJsonObject(c), id);
    const { created, entry } = await save(c, id, input, kb.entries().some((e) => e.id === id) ? 'saved' : 'created');
    return c.json(entry, created ? 201 : 200);
  });

  app.get('/api/admin/entries/:id/revisions/:rev', async (c) => {
    const revision = await storage.getRevision(idParam(c), Number(c.req.param('rev')));
    if (!revision) throw new HttpError(404, { error: 'no such revision of this answer' });
    return c.json(revision);
  });

  app.post('/api/admin/entries/:id/revisions/:rev/restore', async (c) => {
    const id = idParam(c);
    const revision = await storage.getRevision(id, Number(c.req.param('rev')));
    const old = revision ? parseEntry(revision.source) : null;
    if (!revision || !old) throw new HttpError(404, { error: 'no such revision of this answer' });
    const { entry } = await save(c, id, old, `restored revision ${revision.id}`);
    return c.json(entry);
  });

  // From an unanswered question: add it as a phrasing of an entry and show the trace before and after.
  app.post('/api/admin/entries/:id/phrasings', async (c) => {
    const id = idParam(c);
    const { question } = parseOr400(phrasingSchema, await readJsonObject(c));
    const entry = kb.entries().find((e) => e.id === id);
    if (!entry) throw new HttpError(404, { error: `no answer has the id "${id}"` });
    const before = explain(question);
    const saved = await save(c, id, { ...entry, questions: [...entry.questions, question] }, `added the phrasing "${question}"`);
    return c.json({ entry: saved.entry, before, after: explain(question) } satisfies PhrasingAdded);
  });

  app.post('/api/admin/explain', async (c) => {
    const { question, lang } = parseOr400(explainSchema, await readJsonObject(c));
    return c.json(explain(question, lang));
  });

  app.get('/api/admin/kb/status', (c) => c.json(kb.status()));

  return app;
}
