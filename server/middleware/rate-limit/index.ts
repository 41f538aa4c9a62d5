import type { Context, MiddlewareHandler } from 'hono';
import { addressKey, clientAddress } from '../../http/client-ip.ts';
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

interface Window {
  count: number;
  resetAt: number;
}

/**
 * Fixed-window request limit per client: 429 JSON with `Retry-After` once a
 * client has used its `limit` in the current window. Memory stays bounded:
 * windows are kept in a Map ordered by expiry, so expired ones are dropped
 * from the front in O(1) and at most `maxKeys` are held.
 *
 * @example
 * app.use('/api/*', rateLimit({ limit: 60 }))
 */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  if (options.limit <= 0) return async (_c, next) => next();
  const { limit } = options;
  const windowMs = options.windowMs ?? 60_000;
  const keyOf = options.key ?? ((c: Context) => addressKey(clientAddress(c, 0)));
  const methods = new Set(options.methods ?? ['POST']);
  const maxKeys = options.maxKeys ?? 10_000;
  const now = options.now ?? Date.now;
  const onlySuccessful = options.count === 'successful';
  const windows = new Map<string, Window>();

  const dropExpired = (t: number) => {
    for (const [key, w] of windows) {
      if (w.resetAt > t) return;
      windows.delete(key);
    }
  };

  return async function rateLimit(c, next) {
    if (!methods.has(c.req.method)) return next();
    const t = now();
    dropExpired(t);
    const key = keyOf(c);
    let w = windows.get(key);
    if (w === undefined) {
      if (windows.size >= maxKeys) windows.delete(windows.keys().next().value!);
      w = { count: 0, resetAt: t + windowMs };
      windows.set(key, w);
    }
    if (w.count >= limit) {
      const retryAfter = Math.max(1, Math.ceil((w.resetAt - t) / 1000));
      c.header('Retry-After', String(retryAfter));
      return jsonError(c, 429, 'too many requests, please try again later', { retryAfter });
    }
    if (!onlySuccessful) {
      w.count++;
      return next();
    }
    await next();
    if (c.res.status < 400) w.count++;
  };
}
