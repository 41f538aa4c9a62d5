import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/start.ts';

/** Deterministic PRNG (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const nasty: unknown[] = [
  null, true, false, 0, -1, 1e308, -0, 'NaN', '', ' ', '\u0000', '\uFEFF', '\u202Etxet', '\uD800', '🙂'.repeat(300),
  'Ωμέγα ǅ 日本語 عربى', '<script>alert(1)</script>', "'; DROP TABLE callbacks; --", '=cmd|"/c calc"!A1',
  '../../../etc/passwd', 'x'.repeat(5000), [], [1, [2, [3]]], {}, { $gt: '' }, { __proto__: { admin: true } },
  { constructor: { prototype: { polluted: true } } }, '555-123-4567', '+1 (555) 123 4567', 'a@b.co',
];
const keys = ['name', 'phone', 'preferredTime', 'message', 'consent', 'website', 'question', 'entryId', 'helpful',
  'status', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', ''];

function payload(rnd: () => number, depth = 0): unknown {
  const r = rnd();
  if (depth < 3 && r < 0.15) return Array.from({ length: Math.floor(rnd() * 4) }, () => payload(rnd, depth + 1));
  if (depth < 3 && r < 0.6) {
    const o: Record<string, unknown> = {};
    for (let i = Math.floor(rnd() * 6); i > 0; i--) o[keys[Math.floor(rnd() * keys.length)]!] = payload(rnd, depth + 1);
    return o;
  }
  return nasty[Math.floor(rnd() * nasty.length)];
}

const rawBodies = ['{', '}', '{"name":', '{"a":1,}', "{'a':1}", 'undefined', 'NaN', '\u0000', '{"__proto__":{"x":1}}',
  `${'['.repeat(5000)}${']'.repeat(5000)}`, '{"question":"\uD800"}', '\xff\xfe', '1'.repeat(8000)];

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

async function expectNo5xx(res: Response, what: string): Promise<void> {
  const text = await res.text();
  expect(res.status, `${what} -> ${res.status} ${text}`).toBeLessThan(500);
  if (res.status >= 400) expect(JSON.parse(text).error, what).toEqual(expect.any(String));
}

describe('hostile input never causes a 5xx', () => {
  const endpoints = ['/api/ask', '/api/callback', '/api/feedback'];

  it('generated JSON payloads', async () => {
    const rnd = random(20261127);
    for (let i = 0; i < 300; i++) {
      const body = JSON.stringify({ ...(payload(rnd) as object), ...(rnd() < 0.5 ? { consent: true, name: 'A', phone: '5551234567' } : {}) });
      const path = endpoints[i % endpoints.length]!;
      await expectNo5xx(await server.postJson(path, body), `${path} ${body.slice(0, 200)}`);
    }
    expect({}.constructor.prototype).not.toHaveProperty('admin');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('broken JSON and odd bytes', async () => {
    for (const path of endpoints) {
      for (const body of rawBodies) await expectNo5xx(await server.postJson(path, body), `${path} ${body.slice(0, 40)}`);
    }
  });

  it('odd content types and methods', async () => {
    const types = ['text/plain', 'application/json; charset=latin1', 'application/json, text/html', 'multipart/form-data',
      'application/x-www-form-urlencoded', '*/*', 'application/JSON;;;', ''];
    for (const path of [...endpoints, '/api/admin/callbacks/x', '/healthz', '/']) {
      for (const type of types) {
        for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
          const res = await fetch(`${server.url}${path}`, { method, headers: { 'content-type': type }, body: '{"question":"hi"}' });
          await expectNo5xx(res, `${method} ${path} ${type}`);
        }
      }
    }
  });

  it('hostile staff queries and status updates (with the token)', async () => {
    const rnd = random(7);
    const values = ['', '-1', '1e3', '0x10', '99999999999999999999', 'new', "' OR 1=1 --", '%00', '2026-13-45', '🙂', 'constructor'];
    for (let i = 0; i < 80; i++) {
      const v = () => encodeURIComponent(values[Math.floor(rnd() * values.length)]!);
      const path = ['/api/admin/callbacks', '/api/admin/callbacks.csv', '/api/admin/unanswered', '/api/admin/stats'][i % 4];
      await expectNo5xx(await server.admin(`${path}?limit=${v()}&status=${v()}&since=${v()}&days=${v()}`), path!);
      const patch = await server.admin(`/api/admin/callbacks/${v()}x`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(payload(rnd)),
      });
      await expectNo5xx(patch, 'PATCH');
    }
  });
});
