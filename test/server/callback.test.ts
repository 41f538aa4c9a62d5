import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallbackRecord } from '../../server/api/contract.ts';
import { parseResponse, rawConnect } from './support/raw-http.ts';
import { REF_PATTERN } from '../../server/callback-ref.ts';
import { startTestServer, validCallback, type TestServer } from './support/start.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const listed = async (): Promise<CallbackRecord[]> => (await server.admin('/api/admin/callbacks?limit=1000')).json();

describe('POST /api/callback', () => {
  it('stores a valid request, normalising the phone, and answers 201 with its id and short reference', async () => {
    const res = await server.postJson('/api/callback', validCallback);
    expect(res.status).toBe(201);
    const { id, ref } = await res.json();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(ref).toMatch(REF_PATTERN);
    const record = (await listed()).find((r) => r.id === id);
    expect(record).toMatchObject({
      ref,
      name: 'Jane Doe',
      phone: '5551234567',
      preferredTime: 'mornings',
      message: 'Question about my block next week',
      status: 'new',
    });
  });

  it('keeps a leading + and stores blank optional fields as null', async () => {
    const res = await server.postJson('/api/callback', { name: ' Ana ', phone: '+34 612 34 56 78', preferredTime: ' ', consent: true });
    const { id } = await res.json();
    const record = (await listed()).find((r) => r.id === id);
    expect(record).toMatchObject({ name: 'Ana', phone: '+34612345678', preferredTime: null, message: null });
  });

  it('names every bad field in one 400', async () => {
    const res = await server.postJson('/api/callback', {
      name: '',
      phone: '12ab',
      preferredTime: 'x'.repeat(101),
      message: 'y'.repeat(501),
      consent: false,
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error).toEqual(expect.any(String));
    expect(Object.keys(body.fields).sort()).toEqual(['consent', 'message', 'name', 'phone', 'preferredTime']);
  });

  it.each([
    ['phone', { phone: '123456' }],
    ['phone', { phone: '1234567890123456' }],
    ['phone', { phone: 5551234567 }],
    ['name', { name: 'a'.repeat(101) }],
    ['name', { name: 'Jane\u0000Doe' }],
    ['consent', { consent: 'true' }],
    ['consent', { consent: undefined }],
    ['name', { name: undefined }],
  ])('rejects a bad %s', async (field, patch) => {
    const res = await server.postJson('/api/callback', { ...validCallback, ...patch });
    expect(res.status).toBe(400);
    expect(Object.keys((await res.json()).fields)).toEqual([field]);
  });

  it('pretends success for bots that fill the honeypot, storing nothing', async () => {
    const before = (await listed()).length;
    const res = await server.postJson('/api/callback', { ...validCallback, name: 'Bot Honey', website: 'http://spam.example' });
    expect(res.status).toBe(201);
    const { id, ref } = await res.json();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(ref).toMatch(REF_PATTERN);
    const after = await listed();
    expect(after).toHaveLength(before);
    expect(after.some((r) => r.id === id || r.name === 'Bot Honey')).toBe(false);
  });

  it('returns the same id for a retry with the same Idempotency-Key, storing one row', async () => {
    const key = crypto.randomUUID();
    const body = { ...validCallback, name: 'Retry Person' };
    const first = await server.postJson('/api/callback', body, { 'Idempotency-Key': key });
    const second = await server.postJson('/api/callback', body, { 'Idempotency-Key': key });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    const { id, ref } = await first.json();
    expect(await second.json()).toEqual({ id, ref });
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect((await listed()).filter((r) => r.name === 'Retry Person')).toHaveLength(1);
  });

  it('does not reveal an id to someone reusing a key with other details', async () => {
    const key = crypto.randomUUID();
    const mine = await (await server.postJson('/api/callback', validCallback, { 'Idempotency-Key': key })).json();
    const theirs = await server.postJson('/api/callback', { ...validCallback, name: 'Someone Else' }, { 'Idempotency-Key': key });
    expect(theirs.status).toBe(201);
    expect((await theirs.json()).id).not.toBe(mine.id);
  });

  it('rejects a malformed Idempotency-Key', async () => {
    const res = await server.postJson('/api/callback', validCallback, { 'Idempotency-Key': 'x'.repeat(201) });
    expect(res.status).toBe(400);
    expect((await res.json()).fields).toHaveProperty('Idempotency-Key');
  });

  it('refuses a name made only of invisible characters, and strips direction overrides', async () => {
    for (const name of ['\u200b\u200b\u200b', '\u200d', '\u2060\ufeff']) {
      const res = await server.postJson('/api/callback', { ...validCallback, name });
      expect(res.status).toBe(400);
      expect(Object.keys((await res.json()).fields)).toEqual(['name']);
    }
    const res = await server.postJson('/api/callback', { ...validCallback, name: '\u202eEvil Reversed\u202c', message: 'see\u2067 me\u2069' });
    const { id } = await res.json();
    expect((await listed()).find((r) => r.id === id)).toMatchObject({ name: 'Evil Reversed', message: 'see me' });
  });

  it('never writes callback details to the logs', async () => {
    await server.postJson('/api/callback?name=Jane', { ...validCallback, name: 'Zelda Quintero', message: 'secret-note' });
    const logs = [...server.requestLog, ...server.errorLog].join('\n');
    expect(logs).toContain('/api/callback');
    for (const secret of ['Zelda', 'Quintero', '5551234567', '123-4567', 'secret-note', 'mornings', 'name=Jane']) {
      expect(logs).not.toContain(secret);
    }
  });
});

describe('rate limits', () => {
  it('limits stored callbacks per client on top of the general limit, with Retry-After', async () => {
    const limited = await startTestServer({ env: { RATE_LIMIT_PER_MINUTE: '60', CALLBACK_LIMIT_PER_10_MINUTES: '2' } });
    try {
      expect((await limited.postJson('/api/callback', validCallback)).status).toBe(201);
      for (let i = 0; i < 3; i++) {
        expect((await limited.postJson('/api/callback', { ...validCallback, phone: '12' })).status).toBe(400);
      }
      expect((await limited.postJson('/api/callback', validCallback)).status).toBe(201);
      const third = await limited.postJson('/api/callback', validCallback);
      expect(third.status).toBe(429);
      expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(500);
      expect((await third.json()).error).toMatch(/too many/);
      // Questions are still allowed: the callback limit is separate.
      expect((await limited.postJson('/api/ask', { question: 'What is a medial branch block?' })).status).toBe(200);
    } finally {
      await limited.close();
      rmSync(limited.dataDir, { recursive: true, force: true });
    }
  });

  it('cannot be raced: requests whose bodies arrive together count before the body is read', async () => {
    const limited = await startTestServer({ env: { RATE_LIMIT_PER_MINUTE: '1000', CALLBACK_LIMIT_PER_10_MINUTES: '5' } });
    try {
      const body = JSON.stringify(validCallback);
      // 30 connections send their headers, then all bodies go out at once.
      const conns = await Promise.all(Array.from({ length: 30 }, () => rawConnect(limited.url)));
      for (const conn of conns) {
        conn.send(`POST /api/callback HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`);
      }
      await new Promise((r) => setTimeout(r, 300));
      for (const conn of conns) conn.send(body);
      const statuses = (await Promise.all(conns.map((c) => c.closed))).map((raw) => parseResponse(raw).status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(5);
      expect(statuses.filter((s) => s === 429)).toHaveLength(25);
    } finally {
      await limited.close();
      rmSync(limited.dataDir, { recursive: true, force: true });
    }
  });

  it('limits POSTs per minute per client and leaves GETs alone', async () => {
    const limited = await startTestServer({ env: { RATE_LIMIT_PER_MINUTE: '3' } });
    try {
      for (let i = 0; i < 3; i++) {
        expect((await limited.postJson('/api/ask', { question: 'What is a medial branch block?' })).status).toBe(200);
      }
      const res = await limited.postJson('/api/ask', { question: 'What is a medial branch block?' });
      expect(res.status).toBe(429);
      const retryAfter = Number(res.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect((await fetch(`${limited.url}/api/config`)).status).toBe(200);
    } finally {
      await limited.close();
      rmSync(limited.dataDir, { recursive: true, force: true });
    }
  });

  it('counts X-Forwarded-For clients separately only behind a trusted proxy', async () => {
    const behindProxy = await startTestServer({ env: { RATE_LIMIT_PER_MINUTE: '1', TRUST_PROXY: '1' } });
    const direct = await startTestServer({ env: { RATE_LIMIT_PER_MINUTE: '1' } });
    try {
      const ask = (s: TestServer, ip: string) =>
        s.postJson('/api/ask', { question: 'What is a medial branch block?' }, { 'X-Forwarded-For': ip });
      expect((await ask(behindProxy, '203.0.113.1')).status).toBe(200);
      expect((await ask(behindProxy, '203.0.113.2')).status).toBe(200);
      expect((await ask(behindProxy, '203.0.113.1')).status).toBe(429);
      expect((await ask(direct, '203.0.113.1')).status).toBe(200);
      expect((await ask(direct, '203.0.113.2')).status).toBe(429); // forged header ignored
    } finally {
      for (const s of [behindProxy, direct]) {
        await s.close();
        rmSync(s.dataDir, { recursive: true, force: true });
      }
    }
  });
});
