import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { StaffMe } from '../api/contract.ts';
import type { StaffEnv } from '../auth/actor.ts';
import { verifyAgainstNothing, verifyPassword } from '../auth/password.ts';
import { hashToken } from '../auth/sessions.ts';
import { verifyTotp } from '../auth/totp.ts';
import type { AppDeps } from '../deps.ts';
import { addressKey, clientAddress } from '../http/client-ip.ts';
import { jsonError } from '../http/json-error.ts';
import { readJsonObject } from '../http/read-json.ts';
import { SESSION_COOKIE, SESSION_COOKIE_PATH } from '../middleware/staff-auth/index.ts';
import { parseOr400 } from '../validation/parse.ts';
import { loginSchema } from '../validation/staff.ts';

/** True when the browser reached us over HTTPS (directly, through a trusted proxy, or as PUBLIC_URL says). */
function overHttps(c: Context, trustProxy: number, publicUrl: string): boolean {
  if (new URL(c.req.url).protocol === 'https:' || publicUrl.startsWith('https:')) return true;
  return trustProxy > 0 && c.req.header('x-forwarded-proto')?.split(',').pop()?.trim() === 'https';
}

/** `POST /api/admin/login`: the one staff endpoint open without a session. */
export function staffLoginApi({ config, storage, staff, clock }: AppDeps): Hono<StaffEnv> {
  const app = new Hono<StaffEnv>();
  const { sessions, limiter, audit } = staff;

  app.post('/api/admin/login', async (c) => {
    c.header('Cache-Control', 'no-store');
    const { email, password, code } = parseOr400(loginSchema, await readJsonObject(c));
    const address = clientAddress(c, config.trustProxy);
    const keys = { account: email, address: addressKey(address) };
    const refuse = async (reason: string, body: { error: string; totpRequired?: true }) => {
      await limiter.failed(keys);
      await audit.record(c, { who: email, role: null }, 'auth.sign-in-failed', [null], reason);
      return c.json(body, 401);
    };

    const wait = await limiter.retryAfter(keys);
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      return jsonError(c, 429, `too many failed sign-ins: try again in ${Math.ceil(wait / 60)} minute${wait > 60 ? 's' : ''}`, { retryAfter: wait });
    }
    const account = await storage.findAccount(email);
    const ok = account ? await verifyPassword(password, account.passwordHash) : await verifyAgainstNothing(password);
    if (!account || !ok) return refuse('wrong email or password', { error: 'wrong email or password' });

    if (account.totpSecret) {
      // A right password without a code is not a failure: the page now asks for the code.
      if (!code) return c.json({ error: 'enter the 6-digit code from your authenticator app', totpRequired: true as const }, 401);
      const step = verifyTotp(account.totpSecret, code, clock.now());
      if (step === null || !(await storage.useTotpStep(account.id, step))) {
        return refuse('wrong or reused authenticator code', { error: 'that code is not right (or was already used): try the next one', totpRequired: true });
      }
    }
    await limiter.succeeded(keys, ['account']);

    // Rotation: whatever session this browser had is ended, and a new token issued.
    const previous = getCookie(c, SESSION_COOKIE);
    if (previous) await storage.deleteSession(hashToken(previous));
    const token = await sessions.start(account.id);
    setCookie(c, SESSION_COOKIE, token, {
      path: SESSION_COOKIE_PATH,
      httpOnly: true,
      sameSite: 'Strict',
      secure: overHttps(c, config.trustProxy, config.publicUrl),
    });
    await audit.record(c, { who: account.email, role: account.role }, 'auth.sign-in', [null]);
    return c.json({ who: account.email, role: account.role, idleMinutes: sessions.idleMs / 60_000 } satisfies StaffMe);
  });

  return app;
}

/** `GET /api/admin/me`, `POST /api/admin/logout`: behind `staffAuth`. */
export function staffSessionApi({ staff }: AppDeps): Hono<StaffEnv> {
  const app = new Hono<StaffEnv>();
  app.get('/api/admin/me', (c) => {
    const { who, role } = c.var.actor;
    return c.json({ who, role, idleMinutes: staff.sessions.idleMs / 60_000 } satisfies StaffMe);
  });
  app.post('/api/admin/logout', async (c) => {
    const { actor } = c.var;
    if (actor.accountId === null) return jsonError(c, 400, 'the ADMIN_TOKEN has no session to end');
    // Everywhere: a sign-out on the front-desk PC also ends the tab left open in the back office.
    await staff.sessions.endAll(actor.accountId);
    deleteCookie(c, SESSION_COOKIE, { path: SESSION_COOKIE_PATH });
    await staff.audit.record(c, actor, 'auth.sign-out', [null]);
    return c.json({ ok: true });
  });
  return app;
}
