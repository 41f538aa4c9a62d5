/**
 * The whole server on PostgreSQL (DATABASE_URL), two instances on one
 * database standing in for replicas: what one stores, accepts or ends, the
 * other sees; and while the database is down, callbacks get 503, never 201.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type TestPostgres } from '../support/postgres.ts';
import { startTestServer, validCallback, type TestServer } from './support/start.ts';
import { addAccount, clientWithCookie, signIn } from './support/staff.ts';

let postgres: TestPostgres;
let a: TestServer;
let b: TestServer;
beforeAll(async () => {
  postgres = await startPostgres();
  const env = { DATABASE_URL: await postgres.createDatabase('server') };
  [a, b] = await Promise.all([startTestServer({ env }), startTestServer({ env })]);
});
afterAll(async () => {
  await a?.close();
  await b?.close();
  await postgres.stop();
});

describe('two replicas on one database', () => {
  it('store one request for a retry that lands on the other replica, and both list it', async () => {
    const key = { 'idempotency-key': 'visit-1-attempt' };
    const first = await a.postJson('/api/callback', validCallback, key);
    expect(first.status).toBe(201);
    const retry = await b.postJson('/api/callback', validCallback, key);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    const { id } = await first.json();
    expect((await retry.json()).id).toBe(id);
    for (const server of [a, b]) {
      const list = await (await server.admin('/api/admin/callbacks')).json();
      expect(list.filter((r: { id: string }) => r.id === id)).toHaveLength(1);
    }
  });

  it('share staff accounts and sessions: signed in on one, known on the other, signed out everywhere', async () => {
    await addAccount(a, 'desk@clinic.example', 'frontdesk');
    const onA = await signIn(a, 'desk@clinic.example');
    const onB = clientWithCookie(b, onA.cookie);
    expect((await onB.request('/api/admin/callbacks')).status).toBe(200);
    expect((await onB.json('/api/admin/logout', 'POST', {})).status).toBeLessThan(300);
    expect((await onA.request('/api/admin/callbacks')).status).toBe(401);
    const audit = await (await b.admin('/api/admin/audit')).json();
    expect(audit.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['auth.sign-in', 'callback.view', 'auth.sign-out']));
  });
});

describe('while the database is down', () => {
  it('answers callbacks 503 with a JSON error and fails /healthz, then recovers without a restart', async () => {
    await postgres.pause();
    try {
      const res = await a.postJson('/api/callback', validCallback);
      expect(res.status).toBe(503);
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
      expect(await res.json()).toEqual({ error: expect.stringMatching(/call the clinic/) });
      const health = await a.admin('/healthz');
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ ok: false, reason: 'the database cannot be reached' });
      // Questions still get answers: the knowledge base is in memory.
      expect((await b.postJson('/api/ask', { question: 'what is a medial branch block' })).status).toBe(200);
    } finally {
      await postgres.resume();
    }
    expect((await a.admin('/healthz')).status).toBe(200);
    expect((await a.postJson('/api/callback', { ...validCallback, name: 'After Outage' })).status).toBe(201);
    // Nothing was stored by the refused request; nothing personal reached the logs.
    const names = (await (await b.admin('/api/admin/callbacks')).json()).map((r: { name: string }) => r.name);
    expect(names).toEqual(['After Outage', 'Jane Doe']);
    for (const line of [...a.errorLog, ...a.requestLog]) expect(line).not.toMatch(/Jane|After Outage|555/);
  });
});
