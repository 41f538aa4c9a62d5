import type { Context, MiddlewareHandler } from 'hono';
import { addressKey, clientAddress } from '../../http/client-ip.ts';
import { FixedWindows } from '../../http/fixed-windows.ts';
import { jsonError } from '../../http/json-error.ts';
import type { LimitStore } from '../../storage/types.ts';

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
  /**
   * Where the windows are counted. Default: this process's memory (fastest;
   * right for one process). Give the database's LimitStore when several
   * processes or replicas serve the same clients, so the limit holds across
   * them. Should the store fail, requests are counted in memory meanwhile:
   * the limit then holds per process rather than not at all.
   */
  store?: LimitStore;
}

/** One request's place in its window, to give back if it turns out not to count. */
interface Reservation {
  /** Over the limit: refused with this many seconds to wait. */
  retryAfter: number | null;
  release(): Promise<void>;
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
 * app.use('/api/*', rateLimit({ limit: 60, store: storage })) // shared by every replica
 */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  if (options.limit <= 0) return async (_c, next) => next();
  const { limit } = options;
  const keyOf = options.key ?? ((c: Context) => addressKey(clientAddress(c, 0)));
  const methods = new Set(options.methods ?? ['POST']);
  const onlySuccessful = options.count === 'successful';
  const windowMs = options.windowMs ?? 60_000;
  const now = options.now ?? Date.now;
  const windows = new FixedWindows({
    windowMs,
    ...(options.maxKeys ? { maxKeys: options.maxKeys } : {}),
    now,
  });
  const { store } = options;

  const reserveInMemory = (key: string): Reservation => {
    const w = windows.current(key);
    if (w.count >= limit) return { retryAfter: windows.retryAfterSeconds(key), release: async () => {} };
    w.count++;
    // The reservation came from this window object; if the window has rolled over since, this is a no-op on a dropped one.
    return { retryAfter: null, release: async () => void w.count-- };
  };
  const reserveInStore = async (store: LimitStore, key: string): Promise<Reservation> => {
    const at = now();
    let hit: { count: number; resetAt: Date };
    try {
      hit = await store.hitLimit(key, windowMs, new Date(at));
    } catch {
      return reserveInMemory(key);
    }
    // A refused hit stays counted: it changes nothing (the count is over the limit either way) and saves a write.
    if (hit.count > limit) return { retryAfter: Math.max(1, Math.ceil((hit.resetAt.getTime() - at) / 1000)), release: async () => {} };
    return {
      retryAfter: null,
      // Failing to give a place back only makes the limit a little stricter until the window ends.
      release: () => store.releaseLimit(key, windowMs, hit.resetAt).catch(() => {}),
    };
  };

  return async function rateLimit(c, next) {
    if (!methods.has(c.req.method)) return next();
    const key = keyOf(c);
    const place = store ? await reserveInStore(store, key) : reserveInMemory(key);
    if (place.retryAfter !== null) {
      c.header('Retry-After', String(place.retryAfter));
      return jsonError(c, 429, 'too many requests, please try again later', { retryAfter: place.retryAfter });
    }
    if (!onlySuccessful) return next();
    let kept = false;
    try {
      await next();
      kept = c.res.status < 400;
    } finally {
      if (!kept) await place.release();
    }
  };
}
