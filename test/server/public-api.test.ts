import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEEDBACK_NOTE_MAX_LENGTH, type AskResponse, type UnansweredQuestion } from '../../server/api/contract.ts';
import { toAskResponse } from '../../server/answer/respond.ts';
import { openKnowledge } from '../../knowledge/index.ts';
import { parseEvalSet } from '../../knowledge/eval/score.ts';
import { root, startTestServer, type TestServer } from './support/start.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

describe('GET /healthz and /api/config', () => {
  it('reports health', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('gives the widget the clinic, greeting, starters and languages', async () => {
    const res = await fetch(`${server.url}/api/config`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.clinic).toMatchObject({ name: expect.any(String), phone: expect.any(String) });
    expect(body.greeting).toEqual(expect.any(String));
    expect(body.starters.length).toBeGreaterThan(0);
    expect(body.languages).toEqual(['en', 'es']);
  });

  it('gives the structured opening hours from clinic.yaml, beside the human line', async () => {
    const { clinic } = await (await fetch(`${server.url}/api/config`)).json();
    expect(clinic.hours).toBe('Monday to Friday, 8 am to 5 pm');
    const day: Array<[number, number]> = [[480, 1020]];
    expect(clinic.openingHours).toEqual({ timeZone: 'America/Chicago', week: [[], day, day, day, day, day, []] });
  });
});

describe('POST /api/ask', () => {
  const ask = (question: unknown) => server.postJson('/api/ask', { question });

  it('answers a question from the knowledge base with sources', async () => {
    const res = await ask('What is a medial branch block?');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await res.json();
    expect(body.kind).toBe('answer');
    expect(body.answer.id).toBe('what-is-mbb');
    expect(body.answer.sources.length).toBeGreaterThan(0);
  });

  it('falls back with a callback offer when it does not know', async () => {
    const body = await (await ask('What is the capital of France?')).json();
    expect(body.kind).toBe('fallback');
    expect(body.callback.offered).toBe(true);
  });

  it('gives emergency guidance for urgent symptoms', async () => {
    const body = await (await ask('I suddenly cannot control my bladder and my legs are going numb')).json();
    expect(body.kind).toBe('emergency');
    expect(body.care).toBe('emergency');
  });

  it('gives a red flag reported on weak evidence emergency guidance together with the clinic, in either language', async () => {
    const body = await (await ask('my chest feels weird since the shot')).json();
    expect(body).toMatchObject({ kind: 'emergency', care: 'unsure', lang: 'en' });
    expect(body.actions.map((a: { tel: string }) => a.tel)).toEqual(['911', '8556817480', '8556817481']);
    expect(body.message).toMatch(/911/);
    expect(body).not.toHaveProperty('answer');
    const spanish = await (await server.postJson('/api/ask', { question: 'me duele la cabeza desde el bloqueo', lang: 'es' })).json();
    expect(spanish).toMatchObject({ kind: 'emergency', care: 'unsure', lang: 'es' });
    expect(spanish.message).toMatch(/911/);
  });

  it('accepts exactly 500 characters after trimming, even of emoji', async () => {
    expect((await ask(`   ${'a'.repeat(500)}   `)).status).toBe(200);
    expect((await ask('🙂'.repeat(500))).status).toBe(200);
  });

  it.each([
    ['empty', ''],
    ['blank', '    '],
    ['too long', 'a'.repeat(501)],
    ['a number', 42],
    ['null', null],
    ['an object', { text: 'hi' }],
  ])('rejects a question that is %s with 400 naming the field', async (_label, question) => {
    const res = await ask(question);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error).toEqual(expect.any(String));
    expect(Object.keys(body.fields)).toEqual(['question']);
  });

  it('rejects a missing question', async () => {
    const body = await (await server.postJson('/api/ask', {})).json();
    expect(body.fields).toEqual({ question: 'required' });
  });
});

describe('POST /api/ask over HTTP answers as the engine does', () => {
  it('for every question of a labelled set, the same kind, entry and message', async () => {
    // Outside checks judge answers through this endpoint, so nothing on the way may change one.
    const questions = parseEvalSet(readFileSync(join(root, 'knowledge/eval/unseen-a.jsonl'), 'utf8'));
    const engine = openKnowledge({ dir: join(root, 'knowledge/base') });
    try {
      for (const { q } of questions) {
        const res = await server.postJson('/api/ask', { question: q });
        expect(res.status, q).toBe(200);
        expect((await res.json()) as AskResponse, q).toEqual(toAskResponse(engine.decide(q), engine.profile()));
      }
    } finally {
      engine.close();
    }
  });
});

describe('POST /api/feedback', () => {
  it('stores feedback for an existing entry', async () => {
    const res = await server.postJson('/api/feedback', { entryId: 'what-is-mbb', helpful: true });
    expect(res.status).toBe(201);
    const summary = await (await server.admin('/api/admin/feedback')).json();
    expect(summary).toContainEqual({ entryId: 'what-is-mbb', helpful: 1, notHelpful: 0 });
  });

  it('rejects an unknown entry id and a non-boolean verdict', async () => {
    const unknown = await server.postJson('/api/feedback', { entryId: 'no-such-entry', helpful: true });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).fields).toHaveProperty('entryId');
    const bad = await server.postJson('/api/feedback', { entryId: 'what-is-mbb', helpful: 'yes' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).fields).toHaveProperty('helpful');
  });

  it('files what a No found missing with the unanswered questions, redacted and naming the answer', async () => {
    const missing = 'Nothing about cost. Call me on 555-867-5309';
    const res = await server.postJson('/api/feedback', { entryId: 'what-is-mbb', helpful: false, missing });
    expect(res.status).toBe(201);
    const summary = await (await server.admin('/api/admin/feedback')).json();
    expect(summary.find((f: { entryId: string }) => f.entryId === 'what-is-mbb').notHelpful).toBeGreaterThanOrEqual(1);
    const unanswered: UnansweredQuestion[] = await (await server.admin('/api/admin/unanswered')).json();
    expect(unanswered).toContainEqual(expect.objectContaining({ example: 'Nothing about cost. Call me on [phone]', entryId: 'what-is-mbb', count: 1 }));
    // The number's digits, not '867' alone: timestamps such as 18:49:13.867Z would match that.
    expect(JSON.stringify(unanswered)).not.toContain('867-5309');
    expect(JSON.stringify(unanswered.map((u) => [u.key, u.example]))).not.toMatch(/867|5309/);
  });

  it(`refuses a note longer than ${FEEDBACK_NOTE_MAX_LENGTH} characters, or one after a Yes`, async () => {
    const long = await server.postJson('/api/feedback', { entryId: 'what-is-mbb', helpful: false, missing: 'x'.repeat(FEEDBACK_NOTE_MAX_LENGTH + 1) });
    expect(long.status).toBe(400);
    expect((await long.json()).fields.missing).toBe(`must be at most ${FEEDBACK_NOTE_MAX_LENGTH} characters`);
    const yes = await server.postJson('/api/feedback', { entryId: 'what-is-mbb', helpful: true, missing: 'more detail' });
    expect(yes.status).toBe(400);
    expect((await yes.json()).fields).toEqual({ missing: 'only goes with helpful: false' });
    const fits = await server.postJson('/api/feedback', { entryId: 'what-is-mbb', helpful: false, missing: 'ü'.repeat(FEEDBACK_NOTE_MAX_LENGTH) });
    expect(fits.status).toBe(201);
  });
});

describe('HTTP errors are JSON', () => {
  it('404 for unknown paths', async () => {
    for (const path of ['/nope', '/api/nope', '/nope.js', '/..%2fpackage.json', '/%2e%2e/package.json']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: 'not found' });
    }
    const admin = await server.admin('/api/admin/nope/deeper');
    expect(admin.status).toBe(404);
  });

  it('401 before 404 under /api/admin, so the staff API is not mapped by strangers', async () => {
    expect((await fetch(`${server.url}/api/admin/nope`)).status).toBe(401);
  });

  it('405 with Allow for a known path and the wrong method', async () => {
    const res = await fetch(`${server.url}/api/ask`, { method: 'PUT', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
    expect(await res.json()).toMatchObject({ error: 'method not allowed', allow: ['POST'] });
    const del = await fetch(`${server.url}/healthz`, { method: 'DELETE' });
    expect(del.status).toBe(405);
    expect(del.headers.get('allow')).toContain('GET');
  });

  it('400 for a body that is not JSON or not an object', async () => {
    for (const body of ['{"question": ', 'null', '[1,2]', '"text"', '']) {
      const res = await server.postJson('/api/ask', body);
      expect(res.status).toBe(400);
      expect((await res.json()).error).toMatch(/JSON/);
    }
  });

  it('413 for a body over 32 KiB', async () => {
    const res = await server.postJson('/api/ask', { question: 'x'.repeat(33_000) });
    expect(res.status).toBe(413);
    expect((await res.json()).error).toMatch(/too large/);
  });

  it('411 for a chunked body', async () => {
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(`${server.url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
        let data = '';
        res.on('data', (d) => (data += d));
        res.on('end', () => resolve({ status: res.statusCode!, body: data }));
      });
      req.on('error', reject);
      req.write('{"question":');
      req.end('"hi"}');
    });
    expect(status).toBe(411);
    expect(JSON.parse(body).error).toMatch(/Content-Length/);
  });

  it('415 for a body that is not declared as JSON', async () => {
    const res = await fetch(`${server.url}/api/ask`, { method: 'POST', body: JSON.stringify({ question: 'hi' }) });
    expect(res.status).toBe(415);
    expect(await res.json()).toEqual({ error: 'Content-Type must be application/json' });
  });
});
