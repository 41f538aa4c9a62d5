import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { StaffRole } from '../../api/contract.ts';
import { TOKEN_ACTOR, type StaffEnv } from '../../auth/actor.ts';
import type { StaffSessions } from '../../auth/sessions.ts';
import { jsonError } from '../../http/json-error.ts';
import { adminAuth } from '../admin-auth/index.ts';

/** The session cookie; scoped to the staff API, so the widget's endpoints never see it. */
export const SESSION_COOKIE = 'staff_session';
export const SESSION_COOKIE_PATH = '/api/admin';
/** Sent by the staff page's background polling: such requests do not count as activity. */
export const BACKGROUND_HEADER = 'X-Staff-Background';

export interface StaffAuthOptions {
  /** ADMIN_TOKEN; `null` refuses every bearer token. */
  token: string | null;
  sessions: StaffSessions;
  /** Who a failed token counts against (see `adminAuth`). Default the socket address. */
  key?: (c: Context) => string;
}

const SIGNED_OUT = {
  idle: 'signed out after 15 minutes without activity: please sign in again',
  expired: 'your session has ended: please sign in again',
  unknown: 'unauthorized: sign in at /admin, or send Authorization: Bearer <ADMIN_TOKEN>',
} as const;

/**
 * Who is calling a staff endpoint: `Authorization: Bearer <ADMIN_TOKEN>`
 * (scripts, checked by `adminAuth`) or the staff session cookie. Sets
 * `c.var.actor`; otherwise 401 with the reason (`"reason": "idle"` after
 * automatic logoff).
 *
 * @example
 * app.use('/api/admin/*', staffAuth({ token: config.adminToken, sessions }))
 */
export function staffAuth(options: StaffAuthOptions): MiddlewareHandler<StaffEnv> {
  const bearer = adminAuth({ token: options.token, ...(options.key ? { key: options.key } : {}) });
  return async function staffAuth(c, next) {
    if (c.req.header('authorization') !== undefined) {
      return bearer(c as unknown as Context, async () => {
        c.set('actor', TOKEN_ACTOR);
        await next();
      });
    }
    const token = getCookie(c, SESSION_COOKIE);
    const found = token ? await options.sessions.resolve(token, c.req.header(BACKGROUND_HEADER) === undefined) : null;
    if (!found?.ok) {
      const reason = found?.reason ?? 'unknown';
      return jsonError(c, 401, SIGNED_OUT[reason], { reason });
    }
    const { account } = found;
    c.set('actor', { who: account.email, role: account.role, accountId: account.id, sessionHash: found.hash });
    return next();
  };
}

const ROLE_NAMES: Record<StaffRole, string> = { frontdesk: 'front desk', editor: 'editor', admin: 'admin' };

/**
 * 403 unless the signed-in role is one of `roles`. Run after `staffAuth`.
 *
 * @example
 * app.get('/api/admin/audit', requireRole('admin'), listAudit)
 */
export function requireRole(...roles: StaffRole[]): MiddlewareHandler<StaffEnv> {
  const allowed = new Set(roles);
  const who = roles.map((r) => ROLE_NAMES[r]).join(' or ');
  return async function requireRole(c, next) {
    const { role } = c.var.actor;
    if (!allowed.has(role)) return jsonError(c, 403, `forbidden: only ${who} accounts may do this (yours is ${ROLE_NAMES[role]})`);
    return next();
  };
}
