/**
 * The audit trail over real HTTP and in the real SQLite file: who saw,
 * exported or changed which callback request and which answer, when and from
 * where; append-only for the application; kept for the clinic's retention.
 */
import Database from 'better-sqlite3';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, CallbackRecord } from '../../server/api/contract.ts';
import { DATABASE_FILE } from '../../server/storage/sqlite/open-database.ts';
import { openSqliteStorage } from '../../server/storage/sqlite/index.ts';
import { root, startTestServer, tempDir, validCallback, type TestServer } from './support/start.ts';
import { addAccount, signIn, type StaffClient } from './support/staff.ts';

let server: TestServer;
let desk: StaffClient;
let admin: StaffClient;
let id: string;
const audit = async (query = ''): Promise<AuditEntry[]> => (await admin.request(`/api/admin/audit${query}`)).json();

beforeAll(async () => {
  // A copy: this suite saves an answer, and the bundled knowledge base must never change under a test.
  const kbDir = join(tempDir('audit-kb'), 'kb');
  cpSync(join(root, 'knowledge', 'base'), kbDir, { recursive: true });
  server = await startTestServer({ env: { KNOWLEDGE_DIR: kbDir } });
  await addAccount(server.dataDir, 'desk@clinic.example', 'frontdesk');
  await addAccount(server.dataDir, 'admin@clinic.example', 'admin');
  await addAccount(server.dataDir, 'editor@clinic.example', 'editor');
  id = (await (await server.postJson('/api/callback', validCallback)).json()).id;
  desk = await signIn(server, 'desk@clinic.example');
  admin = await signIn(server, 'admin@clinic.example');
});
afterAll(() => server.close());

describe('the audit trail', () => {
  it('records a view of each callback request once per person per 15 minutes, with time and address', async () => {
    await desk.request('/api/admin/callbacks');
    await desk.request('/api/admin/callbacks');
    const views = await audit(`?action=callback.view&who=desk@clinic.example`);
    expect(views).toHaveLength(1);
    expect(views[0]).toMatchObject({ who: 'desk@clinic.example', role: 'frontdesk', action: 'callback.view', target: id, address: '127.0.0.1' });
    expect(Date.now() - Date.parse(views[0]!.at)).toBeLessThan(60_000);
  });

  it('records exports and status changes, naming the person; the request keeps its status history', async () => {
    await desk.request('/api/admin/callbacks.csv');
    const res = await desk.json(`/api/admin/callbacks/${id}`, 'PATCH', { status: 'contacted' });
    const updated: CallbackRecord = await res.json();
    expect(updated.history).toEqual([{ at: expect.any(String), by: 'desk@clinic.example', status: 'contacted' }]);
    const entries = await audit(`?target=${id}`);
    expect(entries.map((e) => [e.action, e.who, e.detail])).toEqual([
      ['callback.status', 'desk@clinic.example', 'new -> contacted'],
      ['callback.export', 'desk@clinic.example', 'CSV'],
      ['callback.view', 'desk@clinic.example', null],
    ]);
  });

  it('records the bearer token as the token, never as a person', async () => {
    await server.admin(`/api/admin/callbacks/${id}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: '{"status":"closed"}' });
    const [last] = await audit(`?target=${id}&action=callback.status`);
    expect(last).toMatchObject({ who: 'ADMIN_TOKEN', role: 'admin', detail: 'contacted -> closed' });
  });

  it('records sign-ins and failed sign-ins', async () => {
    await fetch(`${server.url}/api/admin/login`, {
      method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify({ email: 'desk@clinic.example', password: 'not the password' }),
    });
    const [failed] = await audit('?action=auth.sign-in-failed');
    expect(failed).toMatchObject({ who: 'desk@clinic.example', role: null, detail: 'wrong email or password' });
    expect((await audit('?action=auth.sign-in')).map((e) => e.who)).toEqual(expect.arrayContaining(['desk@clinic.example', 'admin@clinic.example']));
  });

  it('records every change to an answer', async () => {
    const editor = await signIn(server, 'editor@clinic.example');
    const entry = await (await editor.request('/api/admin/entries/driver')).json();
    expect((await editor.json('/api/admin/entries/driver', 'PUT', { ...entry, questions: [...entry.questions, 'who takes me home after'] })).status).toBe(200);
    const [saved] = await audit('?target=driver');
    expect(saved).toMatchObject({ who: 'editor@clinic.example', role: 'editor', action: 'entry.save', detail: expect.stringMatching(/^saved \(revision \d+\)$/) });
  });

  it('is readable by admins only, pages backwards and exports as CSV (the export itself audited)', async () => {
    const all = await audit('?limit=1000');
    const page = await audit(`?limit=2&before=${all[1]!.id}`);
    expect(page.map((e) => e.id)).toEqual([all[2]!.id, all[3]!.id]);
    expect((await desk.request('/api/admin/audit')).status).toBe(403);
    const csv = await (await admin.request('/api/admin/audit.csv')).text();
    expect(csv.split('\r\n')[0]).toBe('"id","at","who","role","action","target","detail","address"');
    expect(csv).toContain('"desk@clinic.example","frontdesk","callback.status"');
    expect((await audit('?action=audit.export'))[0]).toMatchObject({ who: 'admin@clinic.example' });
  });

  it('names a bad filter', async () => {
    const res = await admin.request('/api/admin/audit?limit=0');
    expect(res.status).toBe(400);
    expect((await res.json()).fields.limit).toMatch(/whole number/);
  });
});

describe('append-only storage', () => {
  it('refuses UPDATE and DELETE of recent entries, even from a direct SQL connection', () => {
    const db = new Database(join(server.dataDir, DATABASE_FILE));
    try {
      expect(() => db.prepare(`UPDATE audit SET who = 'someone else'`).run()).toThrow(/append-only/);
      expect(() => db.prepare(`DELETE FROM audit`).run()).toThrow(/append-only/);
      expect(() => db.prepare(`DELETE FROM audit WHERE id = (SELECT MAX(id) FROM audit)`).run()).toThrow(/retention/);
    } finally {
      db.close();
    }
  });

  it('lets the retention purge delete only entries older than the retention period', async () => {
    const storage = openSqliteStorage(server.dataDir);
    try {
      const entry = { who: 'old@clinic.example', role: null, action: 'callback.view', target: 'x', detail: null, address: '127.0.0.1' };
      const now = new Date();
      await storage.appendAudit([
        { ...entry, at: new Date(now.getTime() - 7 * 365 * 86_400_000) },
        { ...entry, at: new Date(now.getTime() - 5 * 365 * 86_400_000) },
      ]);
      expect(await storage.purgeAudit(2192, now)).toBe(1);
      expect((await storage.listAudit({ limit: 10, who: 'old@clinic.example' })).length).toBe(1);
      // A caller whose clock runs ahead cannot purge early: the database measures with its own clock.
      expect(await storage.purgeAudit(2192, new Date(now.getTime() + 3 * 365 * 86_400_000))).toBe(0);
    } finally {
      await storage.close();
    }
  });
});
