import { Hono } from 'hono';
import { LANGS } from '../../knowledge/index.ts';
import { toAskResponse } from '../answer/respond.ts';
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
    // The greeting and starters in the interface language (`?lang=es`), when the base has them.
    const lang = c.req.query('lang');
    const { clinic, greeting, starters } = knowledge.profile(LANGS.find((l) => l === lang));
    const body: ConfigResponse = { clinic, greeting, starters, languages: [...LANGS] };
    c.header('Cache-Control', 'public, max-age=60');
    return c.json(body);
  });

  app.post('/api/ask', async (c) => {
    const { question, lang } = parseOr400(askSchema, await readJsonObject(c));
    const decision = knowledge.decide(question, lang);
    const reply = toAskResponse(decision, knowledge.profile(decision.lang));
    questions.record(reply.kind, question, decision.lang);
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
