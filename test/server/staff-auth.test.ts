/**
 * Staff accounts over real HTTP: sign-in, cookie flags, rotation, automatic
 * logoff, sign-out everywhere, removal, roles, the failed sign-in limits,
 * same-origin checks, the authenticator code and the bearer token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base32Decode, totp } from '../../server/auth/totp.ts';
import { openSqliteStorage } from '../../server/storage/sqlite/index.ts';
import { ADMIN_TOKEN, startTestServer, validCallback, type TestServer } from './support/start.ts';
import { PASSWORD, addAccount, clientWithCookie, loginRequest, signIn } from './support/staff.ts';

let server: TestServer;
let now = Date.parse('2026-05-04T09:00:00Z');
const clock = { now: () => new Date(now) };

beforeAll(async () => {
  server = await startTestServer({ clock });
  await Promise.all([
    addAccount(server.dataDir, 'desk@clinic.example', 'frontdesk'),
    addAccount(server.dataDir, 'editor@clinic.example', 'editor'),
    addAccount(server.dataDir, 'admin@clinic.example', 'admin'),
    addAccount(server.dataDir, 'locked@clinic.example', 'frontdesk'),
    addAccount(server.dataDir, 'leaver@clinic.example', 'frontdesk'),
  ]);
  await server.postJson('/api/callback', validCallback);
});
afterAll(() => server.close());

describe('signing in', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie scoped to the staff API and says who and which role', async () => {
    const res = await loginRequest(server, 'Desk@Clinic.example', PASSWORD);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ who: 'desk@clinic.example', role: 'frontdesk', idleMinutes: 15 });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^staff_session=[\w-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/api\/admin/);
    expect(cookie).not.toMatch(/Secure/); // plain http on loopback
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('marks the cookie Secure when the site is served over HTTPS', async () => {
    const https = await startTestServer({ env: { PUBLIC_URL: 'https://chat.clinic.example' } });
    try {
      await addAccount(https.dataDir, 'desk@clinic.example', 'frontdesk');
      const res = await loginRequest(https, 'desk@clinic.example', PASSWORD);
      expect(res.headers.get('set-cookie')).toMatch(/; Secure/);
    } finally {
      await https.close();
    }
  });

  it('refuses a wrong password and an unknown email with the same 401', async () => {
    for (const [email, password] of [['desk@clinic.example', 'wrong password here'], ['nobody@clinic.example', PASSWORD]]) {
      const res = await loginRequest(server, email!, password!);
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: 'wrong email or password' });
      expect(res.headers.get('set-cookie')).toBeNull();
    }
  });

  it('names the bad field of a malformed sign-in', async () => {
    const res = await loginRequest(server, 'not-an-email', '');
    expect(res.status).toBe(400);
    expect((await res.json()).fields).toEqual({ email: 'must be an email address', password: 'required' });
  });

  it('survives a reload (the same cookie keeps working) and rotates the session on the next sign-in', async () => {
    const first = await signIn(server, 'desk@clinic.example');
    expect((await first.request('/api/admin/me')).status).toBe(200);
    const again = await loginRequest(server, 'desk@clinic.example', PASSWORD, {}, { cookie: first.cookie });
    const second = clientWithCookie(server, again.headers.get('set-cookie')!.split(';')[0]!);
    expect(second.cookie).not.toBe(first.cookie);
    expect((await first.request('/api/admin/me')).status).toBe(401);
    expect((await second.request('/api/admin/me')).status).toBe(200);
  });

  it('ends a session after 15 minutes without activity; background polling does not count as activity', async () => {
    const desk = await signIn(server, 'desk@clinic.example');
    now += 10 * 60_000;
    expect((await desk.request('/api/admin/me')).status).toBe(200); // activity: the clock restarts
    now += 14 * 60_000;
    expect((await desk.request('/api/admin/callbacks', { headers: { 'x-staff-background': '1' } })).status).toBe(200);
    now += 2 * 60_000; // 16 minutes since the last real activity
    const res = await desk.request('/api/admin/me');
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ reason: 'idle', error: expect.stringMatching(/15 minutes/) });
    now += 1000;
    expect((await desk.request('/api/admin/me')).status).toBe(401);
  });

  it('signing out ends every session of the account, on every computer', async () => {
    const pc = await signIn(server, 'desk@clinic.example');
    const tablet = await signIn(server, 'desk@clinic.example');
    const res = await pc.json('/api/admin/logout', 'POST', {});
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/staff_session=;.*Max-Age=0/);
    expect((await pc.request('/api/admin/me')).status).toBe(401);
    expect((await tablet.request('/api/admin/me')).status).toBe(401);
  });

  it('removing an account ends its sessions at once', async () => {
    const leaver = await signIn(server, 'leaver@clinic.example');
    const admin = await signIn(server, 'admin@clinic.example');
    expect((await admin.request('/api/admin/accounts/leaver@clinic.example', { method: 'DELETE' })).status).toBe(200);
    expect((await leaver.request('/api/admin/me')).status).toBe(401);
    expect((await loginRequest(server, 'leaver@clinic.example', PASSWORD)).status).toBe(401);
  });

  it('resetting a password (npm run staff -- add again) ends the old sessions', async () => {
    const before = await signIn(server, 'editor@clinic.example');
    await addAccount(server.dataDir, 'editor@clinic.example', 'editor', 'a brand new passphrase');
    expect((await before.request('/api/admin/me')).status).toBe(401);
    expect((await loginRequest(server, 'editor@clinic.example', PASSWORD)).status).toBe(401);
    await signIn(server, 'editor@clinic.example', 'a brand new passphrase');
    await addAccount(server.dataDir, 'editor@clinic.example', 'editor');
  });
});

describe('roles', () => {
  const cases: Array<[string, string, string, Record<string, number>]> = [
    ['GET', '/api/admin/callbacks', '', { frontdesk: 200, editor: 403, admin: 200 }],
    ['GET', '/api/admin/callbacks.csv', '', { frontdesk: 200, editor: 403, admin: 200 }],
    ['GET', '/api/admin/unanswered', '', { frontdesk: 403, editor: 200, admin: 200 }],
    ['GET', '/api/admin/feedback', '', { frontdesk: 403, editor: 200, admin: 200 }],
    ['GET', '/api/admin/entries', '', { frontdesk: 403, editor: 200, admin: 200 }],
    ['POST', '/api/admin/explain', '{"question":"can I drive after?"}', { frontdesk: 403, editor: 200, admin: 200 }],
    ['GET', '/api/admin/kb/status', '', { frontdesk: 403, editor: 200, admin: 200 }],
    ['GET', '/api/admin/audit', '', { frontdesk: 403, editor: 403, admin: 200 }],
    ['GET', '/api/admin/accounts', '', { frontdesk: 403, editor: 403, admin: 200 }],
    ['GET', '/api/admin/stats', '', { frontdesk: 200, editor: 200, admin: 200 }],
  ];
  it.each(cases)('%s %s', async (method, path, body, expected) => {
    for (const [role, status] of Object.entries(expected)) {
      const client = await signIn(server, `${role === 'frontdesk' ? 'desk' : role}@clinic.example`);
      const res = await client.request(path, { method, ...(body ? { body, headers: { 'content-type': 'application/json' } } : {}) });
      expect(res.status, `${role} ${method} ${path}`).toBe(status);
      if (status === 403) expect((await res.json()).error).toMatch(/^forbidden: only .* accounts may do this/);
    }
  });

  it('the front desk may not save answers (403), and PUT without a session is 401', async () => {
    const desk = await signIn(server, 'desk@clinic.example');
    const entry = { title: 't', questions: ['q'], body: 'b', sources: [{ title: 's', url: 'https://example.org' }] };
    expect((await desk.json('/api/admin/entries/new-one', 'PUT', entry)).status).toBe(403);
    const anonymous = await fetch(`${server.url}/api/admin/entries/new-one`, {
      method: 'PUT', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify(entry),
    });
    expect(anonymous.status).toBe(401);
  });

  it('ADMIN_TOKEN still works for scripts, as an admin', async () => {
    expect((await server.admin('/api/admin/audit')).status).toBe(200);
    expect(await (await server.admin('/api/admin/me')).json()).toMatchObject({ who: 'ADMIN_TOKEN', role: 'admin' });
    expect((await fetch(`${server.url}/api/admin/me`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}x` } })).status).toBe(401);
  });
});

describe('same-origin checks', () => {
  it('refuse a state change a browser sends from another site, even with a valid session', async () => {
    const desk = await signIn(server, 'desk@clinic.example');
    const [row] = await (await desk.request('/api/admin/callbacks')).json();
    const patch = (headers: Record<string, string>) =>
      fetch(`${server.url}/api/admin/callbacks/${row.id}`, {
        method: 'PATCH', headers: { cookie: desk.cookie, 'content-type': 'application/json', ...headers }, body: '{"status":"closed"}',
      });
    for (const headers of [{ origin: 'http://localhost:5555' }, { origin: 'null' }, { 'sec-fetch-site': 'same-site' }, {}] as Record<string, string>[]) {
      const res = await patch(headers);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect((await res.json()).error).toMatch(/cross-site request refused|origin not allowed/);
    }
    expect((await patch({ 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    expect((await patch({ origin: server.url })).status).toBe(200);
  });

  it('refuse a sign-in posted from another site', async () => {
    const res = await loginRequest(server, 'desk@clinic.example', PASSWORD, {}, { origin: 'http://127.0.0.1:1' });
    expect(res.status).toBe(403);
  });
});

describe('failed sign-in limits', () => {
  it('lock an account after 5 failures with 429 and Retry-After, even for the right password, until the window passes', async () => {
    for (let i = 0; i < 5; i++) expect((await loginRequest(server, 'locked@clinic.example', `wrong ${i}`)).status).toBe(401);
    const locked = await loginRequest(server, 'locked@clinic.example', PASSWORD);
    expect(locked.status).toBe(429);
    const retryAfter = Number(locked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(await locked.json()).toMatchObject({ error: expect.stringMatching(/too many failed sign-ins/), retryAfter });
    // Other accounts are not locked by it.
    expect((await loginRequest(server, 'desk@clinic.example', PASSWORD)).status).toBe(200);
    now += retryAfter * 1000;
    expect((await loginRequest(server, 'locked@clinic.example', PASSWORD)).status).toBe(200);
  });

  it('limit one address trying many accounts to 20 failures', async () => {
    const limited = await startTestServer({ env: { TRUST_PROXY: '1' } });
    try {
      const from = (ip: string) => ({ 'x-forwarded-for': ip });
      for (let i = 0; i < 20; i++) expect((await loginRequest(limited, `guess${i}@clinic.example`, 'password1234', {}, from('203.0.113.9'))).status).toBe(401);
      const res = await loginRequest(limited, 'guess99@clinic.example', 'password1234', {}, from('203.0.113.9'));
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
      expect((await loginRequest(limited, 'guess99@clinic.example', 'password1234', {}, from('198.51.100.2'))).status).toBe(401);
    } finally {
      await limited.close();
    }
  });
});

describe('authenticator second factor (admins)', () => {
  it('asks for the code after the right password, accepts it once, and refuses a wrong or replayed code', async () => {
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    const storage = openSqliteStorage(server.dataDir);
    await storage.setTotpSecret('admin@clinic.example', secret);
    await storage.close();
    const code = totp(base32Decode(secret), clock.now());

    const noCode = await loginRequest(server, 'admin@clinic.example', PASSWORD);
    expect(noCode.status).toBe(401);
    expect(await noCode.json()).toMatchObject({ totpRequired: true });
    expect(noCode.headers.get('set-cookie')).toBeNull();

    const wrong = await loginRequest(server, 'admin@clinic.example', PASSWORD, { code: code === '000000' ? '111111' : '000000' });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ totpRequired: true, error: expect.stringMatching(/not right/) });
    // A wrong password gets no hint that a code would be asked for.
    expect(await (await loginRequest(server, 'admin@clinic.example', 'wrong password!', { code })).json()).toEqual({ error: 'wrong email or password' });

    expect((await loginRequest(server, 'admin@clinic.example', PASSWORD, { code })).status).toBe(200);
    expect((await loginRequest(server, 'admin@clinic.example', PASSWORD, { code })).status).toBe(401); // replay
    now += 60_000;
    const next = totp(base32Decode(secret), clock.now());
    expect((await loginRequest(server, 'admin@clinic.example', PASSWORD, { code: next.slice(0, 3) + ' ' + next.slice(3) })).status).toBe(200);

    const off = openSqliteStorage(server.dataDir);
    await off.setTotpSecret('admin@clinic.example', null);
    await off.close();
  });
});
