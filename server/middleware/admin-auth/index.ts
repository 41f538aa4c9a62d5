import type { Context, MiddlewareHandler } from 'hono';
import { createHash, timingSafeEqual } from 'node:crypto';
import { addressKey, clientAddress } from '../../http/client-ip.ts';
import { FailureLimiter } from '../../http/failure-limiter.ts';
import { jsonError } from '../../http/json-error.ts';

export interface AdminAuthOptions {
  /** The bearer token staff send; `null` or empty refuses every request. */
  token: string | null;
  /**
   * Counts wrong tokens per client; over its limit a client gets 429 with
   * `Retry-After`, even with the right token. Share one limiter with other
   * staff sign-in checks so guesses add up. Default: a limiter with
   * AUTH_FAILURE_LIMITS.
   */
  failures?: FailureLimiter;
  /** Which client a failure counts against. Default: the socket peer address (IPv6 by /64). */
  key?: (c: Context) => string;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest();

/**
 * `Authorization: Bearer <token>` check for staff endpoints. Both sides are
 * hashed first, so the constant-time compare sees equal lengths and timing
 * reveals neither the token nor its length. Wrong tokens are limited per
 * client, so guessing is slow as well as hopeless.
 *
 * @example
 * app.use('/api/admin/*', adminAuth({ token: process.env.ADMIN_TOKEN ?? null }))
 */
export function adminAuth(options: AdminAuthOptions): MiddlewareHandler {
  const expected = options.token ? sha256(options.token) : null;
  const failures = options.failures ?? new FailureLimiter();
  const keyOf = options.key ?? ((c: Context) => addressKey(clientAddress(c, 0)));
  return async function adminAuth(c, next) {
    const key = keyOf(c);
    const wait = failures.blockedFor(key);
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      return jsonError(c, 429, 'too many wrong tokens from your address, try again later', { retryAfter: wait });
    }
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer[ \t]+(\S.*)$/i.exec(header);
    const presented = sha256(match?.[1]?.trim() ?? '');
    if (expected === null || !match || !timingSafeEqual(presented, expected)) {
      // A request without any credentials is not a guess (a page load, a lapsed session); it is not counted.
      if (match) failures.recordFailure(key);
      c.header('WWW-Authenticate', 'Bearer realm="staff"');
      return jsonError(c, 401, 'unauthorized: send Authorization: Bearer <ADMIN_TOKEN>');
    }
    return next();
  };
}
