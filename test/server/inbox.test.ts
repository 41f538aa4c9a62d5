/**
 * The live inbox over real HTTP: ETag polling, the language and the shared
 * questions stored with a request, and the email notice, delivered to a
 * real SMTP server on loopback, carrying no patient details.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallbackRecord } from '../../server/api/contract.ts';
import { startTestServer, validCallback, type TestServer } from './support/start.ts';
import { addAccount, signIn, type StaffClient } from './support/staff.ts';

const mails: string[] = [];
let smtp: SMTPServer;
let smtpPort: number;
let server: TestServer;
let desk: StaffClient;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, done) {
      let text = '';
      stream.on('data', (d: Buffer) => (text += d));
      stream.on('end', () => {
        mails.push(text);
        done();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpPort = (smtp.server.address() as AddressInfo).port;
  server = await startTestServer({
    env: { SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, NOTIFY_EMAIL_TO: 'desk@clinic.example', NOTIFY_EMAIL_FROM: 'chat@clinic.example', PUBLIC_URL: 'https://chat.clinic.example' },
    emailCoalesceMs: 50,
  });
  await addAccount(server.dataDir, 'desk@clinic.example', 'frontdesk');
  desk = await signIn(server, 'desk@clinic.example');
});
afterAll(async () => {
  await server.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe('the inbox', () => {
  it('answers 304 to an unchanged poll and 200 once a request arrives or changes', async () => {
    const first = await desk.request('/api/admin/callbacks');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const poll = () => desk.request('/api/admin/callbacks', { headers: { 'if-none-match': etag, 'x-staff-background': '1' } });
    expect((await poll()).status).toBe(304);
    await server.postJson('/api/callback', { ...validCallback, name: 'Live Arrival' });
    const changed = await poll();
    expect(changed.status).toBe(200);
    const rows: CallbackRecord[] = await changed.json();
    expect(rows[0]!.name).toBe('Live Arrival');
    const etag2 = changed.headers.get('etag')!;
    await desk.json(`/api/admin/callbacks/${rows[0]!.id}`, 'PATCH', { status: 'contacted' });
    expect((await desk.request('/api/admin/callbacks', { headers: { 'if-none-match': etag2 } })).status).toBe(200);
  });

  it('stores the language and, only when shared, the questions asked in that chat', async () => {
    await server.postJson('/api/callback', { ...validCallback, name: 'Shares', lang: 'es', questions: ['¿Duele?', 'Can I drive after?'] });
    await server.postJson('/api/callback', { ...validCallback, name: 'Keeps private', lang: 'en' });
    const rows: CallbackRecord[] = await (await desk.request('/api/admin/callbacks')).json();
    expect(rows.find((r) => r.name === 'Shares')).toMatchObject({ lang: 'es', questions: ['¿Duele?', 'Can I drive after?'], history: [] });
    expect(rows.find((r) => r.name === 'Keeps private')).toMatchObject({ lang: 'en', questions: null });
    const bad = await server.postJson('/api/callback', { ...validCallback, questions: Array(11).fill('q') });
    expect(bad.status).toBe(400);
    expect((await bad.json()).fields.questions).toMatch(/at most 10/);
  });
});

describe('the email notice', () => {
  it('says a request is waiting and links the inbox, with no name, phone, note or question', async () => {
    mails.length = 0;
    await server.postJson('/api/callback', { ...validCallback, name: 'Zelda Private', questions: ['my secret question'] });
    const deadline = Date.now() + 10_000;
    while (mails.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    // A notice for the previous test's requests may still arrive late on a loaded machine; this one is the last.
    expect(mails.length).toBeGreaterThanOrEqual(1);
    for (const m of mails) expect(m).not.toMatch(/Zelda|my secret question/);
    const mail = mails.at(-1)!;
    expect(mail).toMatch(/^Subject: A new call-back request is waiting/m);
    expect(mail).toMatch(/^To: desk@clinic\.example/m);
    expect(mail).toContain('https://chat.clinic.example/admin');
    for (const secret of ['Zelda', 'Private', '555', '123', 'block next week', 'secret question']) expect(mail).not.toContain(secret);
  });
});
