import { rmSync } from 'node:fs';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallbackRecord, DailyStat, UnansweredQuestion } from '../../server/api/contract.ts';
import { AUTH_FAILURE_LIMITS } from '../../server/api/limits.ts';
import { openDatabase } from '../../server/storage/sqlite/open-database.ts';
import { ADMIN_TOKEN, startTestServer, tempDir, validCallback, type TestServer } from './support/start.ts';

let server: TestServer;
const ids: string[] = [];
beforeAll(async () => {
  server = await startTestServer();
  for (const name of ['First Person', 'Second Person', '=HYPERLINK("http://evil.example","x")']) {
    const res = await server.postJson('/api/callback', { ...validCallback, name });
    ids.push((await res.json()).id);
  }
});
afterAll(async () => {
  await server.close();
});

describe('staff authentication', () => {
  const endpoints = [
    '/api/admin/callbacks',
    '/api/admin/callbacks.csv',
    '/api/admin/unanswered',
    '/api/admin/feedback',
    '/api/admin/stats',
  ];

  it.each(endpoints)('%s refuses a missing or wrong token with 401 JSON', async (path) => {
    const attempts: Record<string, string>[] = [{}, { authorization: `Bearer ${ADMIN_TOKEN}x` }, { authorization: `Basic ${ADMIN_TOKEN}` }];
    for (const headers of attempts) {
      const res = await fetch(`${server.url}${path}`, { headers });
      expect(res.status).toBe(401);
      expect((await res.json()).error).toMatch(/unauthorized/);
    }
    expect((await server.admin(path)).status).toBe(200);
  });

  it('refuses PATCH without the token', async () => {
    const res = await fetch(`${server.url}/api/admin/callbacks/${ids[0]}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'closed' }),
    });
    expect(res.status).toBe(401);
  });

  it('refuses everyone when ADMIN_TOKEN is unset', async () => {
    const open = await startTestServer({ env: { ADMIN_TOKEN: '' } });
    try {
      expect((await fetch(`${open.url}/api/admin/callbacks`)).status).toBe(401);
      expect((await fetch(`${open.url}/api/admin/callbacks`, { headers: { authorization: 'Bearer ' } })).status).toBe(401);
      expect((await open.admin('/api/admin/callbacks')).status).toBe(401);
    } finally {
      await open.close();
      rmSync(open.dataDir, { recursive: true, force: true });
    }
  });
});

describe('token guessing', () => {
  /** GET with a bearer token from a chosen loopback address (fetch cannot pick one). */
  const getFrom = (s: TestServer, localAddress: string, token: string) =>
    new Promise<{ status: number; retryAfter: string | undefined; body: string }>((resolve, reject) => {
      const req = request(`${s.url}/api/admin/callbacks`, { localAddress, headers: { authorization: `Bearer ${token}` } }, (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode!, retryAfter: res.headers['retry-after'], body }));
      });
      req.on('error', reject);
      req.end();
    });

  it('answers 429 with Retry-After once an address has used up its wrong tokens, even for the right one', async () => {
    const s = await startTestServer();
    try {
      const guesses = await Promise.all(
        Array.from({ length: AUTH_FAILURE_LIMITS.maxFailures + 20 }, (_, i) => getFrom(s, '127.0.0.3', `wrong-guess-${i}`)),
      );
      expect(guesses.filter((g) => g.status === 401)).toHaveLength(AUTH_FAILURE_LIMITS.maxFailures);
      const limited = guesses.filter((g) => g.status === 429);
      expect(limited).toHaveLength(20);
      expect(Number(limited[0]!.retryAfter)).toBeGreaterThan(60);
      expect(JSON.parse(limited[0]!.body).error).toMatch(/too many/);
      expect((await getFrom(s, '127.0.0.3', ADMIN_TOKEN)).status).toBe(429);
      // Staff elsewhere are unaffected.
      expect((await getFrom(s, '127.0.0.4', ADMIN_TOKEN)).status).toBe(200);
    } finally {
      await s.close();
      rmSync(s.dataDir, { recursive: true, force: true });
    }
  });
});

describe('GET /api/admin/callbacks', () => {
  it('lists newest first with every field', async () => {
    const res = await server.admin('/api/admin/callbacks');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const list: CallbackRecord[] = await res.json();
    expect(list.map((r) => r.id)).toEqual([...ids].reverse());
    expect(Object.keys(list[0]!).sort()).toEqual(['createdAt', 'history', 'id', 'lang', 'message', 'name', 'phone', 'preferredTime', 'questions', 'ref', 'status']);
  });

  it('honours limit, status and since', async () => {
    const one: CallbackRecord[] = await (await server.admin('/api/admin/callbacks?limit=1')).json();
    expect(one.map((r) => r.id)).toEqual([ids[2]]);
    const future: CallbackRecord[] = await (await server.admin('/api/admin/callbacks?since=2999-01-01')).json();
    expect(future).toEqual([]);
    const past: CallbackRecord[] = await (await server.admin('/api/admin/callbacks?since=2000-01-01T00:00:00Z')).json();
    expect(past).toHaveLength(3);
    const contacted: CallbackRecord[] = await (await server.admin('/api/admin/callbacks?status=contacted')).json();
    expect(contacted.every((r) => r.status === 'contacted')).toBe(true);
  });

  it.each([
    ['limit', 'limit=0'],
    ['limit', 'limit=1001'],
    ['limit', 'limit=ten'],
    ['status', 'status=done'],
    ['since', 'since=yesterday'],
  ])('rejects a bad %s with 400', async (field, query) => {
    const res = await server.admin(`/api/admin/callbacks?${query}`);
    expect(res.status).toBe(400);
    expect(Object.keys((await res.json()).fields)).toEqual([field]);
  });

  it('accepts limit=1000', async () => {
    expect((await server.admin('/api/admin/callbacks?limit=1000')).status).toBe(200);
  });
});

describe('PATCH /api/admin/callbacks/:id', () => {
  const patch = (id: string, body: unknown) =>
    server.admin(`/api/admin/callbacks/${id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('moves a request through contacted and closed, and back to new', async () => {
    for (const status of ['contacted', 'closed', 'new', 'contacted']) {
      const res = await patch(ids[0]!, { status });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ id: ids[0], status });
    }
    const contacted: CallbackRecord[] = await (await server.admin('/api/admin/callbacks?status=contacted')).json();
    expect(contacted.map((r) => r.id)).toEqual([ids[0]]);
  });

  it('rejects an unknown status and an unknown id', async () => {
    const bad = await patch(ids[1]!, { status: 'done' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).fields).toHaveProperty('status');
    const missing = await patch('00000000-0000-0000-0000-000000000000', { status: 'closed' });
    expect(missing.status).toBe(404);
    expect((await missing.json()).error).toEqual(expect.any(String));
  });
});

describe('GET /api/admin/callbacks.csv', () => {
  it('exports every request as CSV that spreadsheets will not run as formulas', async () => {
    const res = await server.admin('/api/admin/callbacks.csv');
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="callbacks-\d{4}-\d{2}-\d{2}\.csv"$/);
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('"id","ref","createdAt","status","lang","name","phone","preferredTime","message","questions"');
    expect(lines[1]).toMatch(/^"[\da-f-]{36}","[2-9A-Z]{2}-[2-9A-Z]{3}",/);
    expect(lines).toHaveLength(4);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(lines.slice(1).every((l) => !/(^|,)"[=+\-@]/.test(l))).toBe(true);
  });
});

describe('a large CSV export', () => {
  it('streams every row, keeping plain phone numbers as typed and escaping full-width formulas', async () => {
    const dataDir = tempDir('export');
    const rows = 51_000;
    const since = Date.now() - 86_400_000; // recent, so retention keeps them
    const db = openDatabase(dataDir);
    const insert = db.prepare(`INSERT INTO callbacks (id, created_at, name, phone) VALUES (?, ?, ?, ?)`);
    db.transaction(() => {
      for (let i = 0; i < rows; i++) {
        const name = i === 0 ? '＝HYPERLINK("http://evil.example")' : `Person ${i}`;
        insert.run(`id-${i}`, new Date(since + i * 1000).toISOString(), name, '+15551234567');
      }
    })();
    db.close();
    const s = await startTestServer({ dataDir });
    try {
      const res = await s.admin('/api/admin/callbacks.csv');
      expect(res.status).toBe(200);
      // Streamed in pages, not built in memory first: no Content-Length, chunked on the wire.
      expect(res.headers.get('content-length')).toBeNull();
      expect(res.headers.get('transfer-encoding')).toBe('chunked');
      const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
      const lines = csv.slice(1).trimEnd().split('\r\n');
      expect(lines).toHaveLength(rows + 1);
      expect(lines[1]).toMatch(/^"id-50999",/); // newest first
      expect(new Set(lines.slice(1).map((l) => l.split(',')[0])).size).toBe(rows);
      expect(lines.at(-1)).toBe(`"id-0","","${new Date(since).toISOString()}","new","","'＝HYPERLINK(""http://evil.example"")","+15551234567","","",""`);
      expect(csv).not.toContain(`"'+1`);
    } finally {
      await s.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('unanswered, feedback and stats', () => {
  it('redacts contact details however they are written', async () => {
    const asked = [
      'zorbling question, ring me on ５５５１２３４５６７',
      'zorbling question, ring me on ٥٥٥١٢٣٤٥٦٧',
      'zorbling question, ring me on 555 - 123 - 4567',
      'zorbling question, ring me on five five five one two three four five six seven',
      'zorbling question, write to jane at example dot com',
    ];
    for (const question of asked) {
      expect((await (await server.postJson('/api/ask', { question })).json()).kind).toBe('fallback');
    }
    const list: UnansweredQuestion[] = await (await server.admin('/api/admin/unanswered')).json();
    const examples = list.filter((q) => q.example.startsWith('zorbling')).map((q) => q.example);
    expect(examples.sort()).toEqual(['zorbling question, ring me on [phone]', 'zorbling question, write to [email]']);
    expect(list.find((q) => q.key === 'zorbling question ring me on [phone]')?.count).toBe(4);
  });

  it('refuses a question staff could not read', async () => {
    const res = await server.postJson('/api/ask', { question: '\u200b\u200b\u200b\u2060' });
    expect(res.status).toBe(400);
    expect(Object.keys((await res.json()).fields)).toEqual(['question']);
    const list: UnansweredQuestion[] = await (await server.admin('/api/admin/unanswered')).json();
    expect(list.every((q) => q.key !== '')).toBe(true);
  });

  it('groups unanswered questions with redacted example wording', async () => {
    const question = 'Can you call me on 555-867-5309 or mail jane.doe@example.com about my parrot?';
    for (let i = 0; i < 2; i++) {
      const reply = await (await server.postJson('/api/ask', { question })).json();
      expect(reply.kind).toBe('fallback');
    }
    const list: UnansweredQuestion[] = await (await server.admin('/api/admin/unanswered')).json();
    const entry = list.find((q) => q.example.includes('parrot'))!;
    expect(entry.count).toBe(2);
    expect(entry.example).toBe('Can you call me on [phone] or mail [email] about my parrot?');
    expect(JSON.stringify(list)).not.toMatch(/867|jane\.doe/);
  });

  it('summarises feedback per entry', async () => {
    await server.postJson('/api/feedback', { entryId: 'what-is-mbb', helpful: true });
    await server.postJson('/api/feedback', { entryId: 'what-is-mbb', helpful: false });
    await server.postJson('/api/feedback', { entryId: 'what-is-mbb', helpful: false });
    const summary = await (await server.admin('/api/admin/feedback')).json();
    expect(summary).toContainEqual({ entryId: 'what-is-mbb', helpful: 1, notHelpful: 2 });
  });

  it('counts questions and callbacks per day', async () => {
    await server.postJson('/api/ask', { question: 'What is a medial branch block?' });
    const stats: DailyStat[] = await (await server.admin('/api/admin/stats?days=7')).json();
    expect(stats).toHaveLength(7);
    const today = stats.at(-1)!;
    expect(today.day).toBe(new Date().toISOString().slice(0, 10));
    expect(today.callbacks).toBe(3);
    expect(today.questions).toBeGreaterThanOrEqual(3);
    expect(stats.slice(0, -1).every((d) => d.questions === 0 && d.callbacks === 0)).toBe(true);
  });

  it('rejects a bad days value', async () => {
    expect((await server.admin('/api/admin/stats?days=0')).status).toBe(400);
  });
});
