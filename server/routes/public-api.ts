import { Hono } from 'hono';
import type { ConfigResponse } from '../api/contract.ts';
import type { AppDeps } from '../deps.ts';
import { HttpError } from '../http/json-error.ts';
import { readJsonObject } from '../http/read-json.ts';
import { staffWording } from '../redact.ts';
import { parseOr400 } from '../validation/parse.ts';
import { askSchema, feedbackSchema } from '../validation/public-api.ts';

/** What the widget calls: greeting config, questions, answer feedback. */
export function publicApi({ knowledge, questions, storage, clock }: AppDeps): Hono {
  const app = new Hono();

  app.get('/api/config', (c) => {
    const body: ConfigResponse = { ...knowledge.config(), languages: ['en', 'es'] };
    c.header('Cache-Control', 'public, max-age=60');
    return c.json(body);
  });

  app.post('/api/ask', async (c) => {
    const { question } = parseOr400(askSchema, await readJsonObject(c));
    const reply = knowledge.ask(question);
    questions.record(reply.kind, question);
    c.header('Cache-Control', 'no-store');
    return c.json(reply);
  });

  app.post('/api/feedback', async (c) => {
    const { entryId, helpful, missing } = parseOr400(feedbackSchema, await readJsonObject(c));
    if (!knowledge.entryIds().includes(entryId)) {
      throw new HttpError(400, { error: 'invalid request', fields: { entryId: 'no answer has this id' } });
    }
    await storage.recordFeedback(entryId, helpful, clock.now(), missing === null ? undefined : staffWording(missing));
    return c.json({ ok: true }, 201);
  });

  return app;
}
