import type { MiddlewareHandler } from 'hono';
import { createHash, timingSafeEqual } from 'node:crypto';
import { jsonError } from '../../http/json-error.ts';

export interface AdminAuthOptions {
  /** The bearer token staff send; `null` or empty refuses every request. */
  token: string | null;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest();

/**
 * `Authorization: Bearer <token>` check for staff endpoints. Both sides are
 * hashed first, so the constant-time compare sees equal lengths and timing
 * reveals neither the token nor its length.
 *
 * @example
 * app.use('/api/admin/*', adminAuth({ token: process.env.ADMIN_TOKEN ?? null }))
 */
export function adminAuth(options: AdminAuthOptions): MiddlewareHandler {
  const expected = options.token ? sha256(options.token) : null;
  return async function adminAuth(c, next) {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer[ \t]+(\S.*)$/i.exec(header);
    const presented = sha256(match?.[1]?.trim() ?? '');
    if (expected === null || !match || !timingSafeEqual(presented, expected)) {
      c.header('WWW-Authenticate', 'Bearer realm="staff"');
      return jsonError(c, 401, 'unauthorized: send Authorization: Bearer <ADMIN_TOKEN>');
    }
    return next();
  };
}
