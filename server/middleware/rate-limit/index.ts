import type { Context, MiddlewareHandler } from 'hono';
import { addressKey, clientAddress } from '../../http/client-ip.ts';
import { FixedWindows } from '../../http/fixed-windows.ts';
import { jsonError } from '../../http/json-error.ts';

export interface RateLimitOptions {
  /** Requests allowed per window per key; 0 turns the limit off. */
  limit: number;
  /** Window length in ms. Default 60 000. */
  windowMs?: number;
  /** Which client a request counts against. Default: the socket peer address (IPv6 by /64). */
  key?: (c: Context) => string;
  /** Methods that count. Default POST. */
  methods?: string[];
  /**
   * Which requests use up the allowance: `all`, or only `successful` ones
   * (answered below 400), so a person fixing typos in a form is not locked
   * out. Default `all`.
   */
  count?: 'all' | 'successful';
  /** Most clients tracked at once; the oldest window is dropped beyond it. Default 10 000. */
  maxKeys?: number;
  /** Clock in ms, for tests. Default Date.now. */
  now?: () => number;
}

/**
 * Fixed-window request limit per client: 429 JSON with `Retry-After` once a
 * client has used its `limit` in the current window. A request reserves its
 * place before the handler runs (and reads the body), so requests arriving
 * together cannot all pass; with `count: 'successful'` a request answered
 * with an error gives its place back afterwards.
 *
 * @example
 * app.use('/api/*', rateLimit({ limit: 60 }))
 */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  if (options.limit <= 0) return async (_c, next) => next();
  const { limit } = options;
  const keyOf = options.key ?? ((c: Context) => addressKey(clientAddress(c, 0)));
  const methods = new Set(options.methods ?? ['POST']);
  const onlySuccessful = options.count === 'successful';
  const windows = new FixedWindows({
    windowMs: options.windowMs ?? 60_000,
    ...(options.maxKeys ? { maxKeys: options.maxKeys } : {}),
    ...(options.now ? { now: options.now } : {}),
  });

  return async function rateLimit(c, next) {
    if (!methods.has(c.req.method)) return next();
    const key = keyOf(c);
    const w = windows.current(key);
    if (w.count >= limit) {
      const retryAfter = windows.retryAfterSeconds(key);
      c.header('Retry-After', String(retryAfter));
      return jsonError(c, 429, 'too many requests, please try again later', { retryAfter });
    }
    w.count++;
    if (!onlySuccessful) return next();
    let kept = false;
    try {
      await next();
      kept = c.res.status < 400;
    } finally {
      // The reservation came from this window object; if the window has rolled over since, this is a no-op on a dropped one.
      if (!kept) w.count--;
    }
  };
}
