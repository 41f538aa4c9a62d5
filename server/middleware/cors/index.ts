import type { Context, MiddlewareHandler } from 'hono';
import { jsonError } from '../../http/json-error.ts';

export interface CorsOptions {
  /**
   * Allowed origins: exact (`https://www.example-clinic.com`), any port
   * (`http://localhost:*`), or `*` for every origin. Default:
   * `http://localhost:*`, `http://127.0.0.1:*`.
   */
  origins?: string[];
  /**
   * The server's own origins for a request, always allowed (its own pages
   * call it). Default: the request URL's origin, which behind a TLS proxy
   * is wrong (`http:`); pass `ownOrigins()` from `server/http/own-origin.ts`.
   */
  ownOrigins?: (c: Context) => string[];
  /** Request headers a page may send. Default Content-Type, Idempotency-Key. */
  allowHeaders?: string[];
  /** Default GET, POST. */
  allowMethods?: string[];
  /** Response headers page scripts may read. Default Retry-After, Idempotent-Replayed. */
  exposeHeaders?: string[];
  /** Seconds a browser may cache a preflight answer. Default 600. */
  maxAge?: number;
  /**
   * Told the first time each origin is refused (a page the browser will not
   * let read our answers), so a wrong allow-list reads as one in the log
   * rather than as an outage. Default: nothing.
   */
  onRefused?: (origin: string, method: string, path: string) => void;
}

/** Origins remembered as already reported; past this many, new ones are no longer reported (no unbounded growth). */
const MAX_REPORTED = 1000;

export const DEFAULT_ORIGINS = ['http://localhost:*', 'http://127.0.0.1:*'];

/** Compiles origin patterns into one test. */
export function originMatcher(patterns: string[]): (origin: string) => boolean {
  if (patterns.includes('*')) return () => true;
  const exact = new Set<string>();
  const anyPort: string[] = [];
  for (const p of patterns) {
    if (p.endsWith(':*')) anyPort.push(p.slice(0, -2));
    else exact.add(p.toLowerCase());
  }
  return (origin) => {
    const o = origin.toLowerCase();
    if (exact.has(o)) return true;
    return anyPort.some((base) => o === base || (o.startsWith(`${base}:`) && /^\d{1,5}$/.test(o.slice(base.length + 1))));
  };
}

/**
 * CORS for the widget's API calls, setting headers with `c.header()` only.
 * Preflights from allowed origins get 204 with the allowed methods and
 * headers; from other origins 403. Non-GET requests from other origins are
 * refused with 403 as well (browsers would block them anyway; this also stops
 * the rare client that ignores CORS). Requests without `Origin` pass untouched.
 *
 * @example
 * app.use('/api/*', cors({ origins: ['https://www.example-clinic.com'], onRefused: (o) => console.error(`refused ${o}`) }))
 */
export function cors(options: CorsOptions = {}): MiddlewareHandler {
  const allowed = originMatcher(options.origins ?? DEFAULT_ORIGINS);
  const allowHeaders = (options.allowHeaders ?? ['Content-Type', 'Idempotency-Key']).join(', ');
  const allowMethods = (options.allowMethods ?? ['GET', 'POST']).join(', ');
  const exposeHeaders = (options.exposeHeaders ?? ['Retry-After', 'Idempotent-Replayed']).join(', ');
  const maxAge = String(options.maxAge ?? 600);
  const own = options.ownOrigins ?? ((c: Context) => [new URL(c.req.url).origin]);
  const reported = new Set<string>();
  const refused = (origin: string, method: string, path: string) => {
    if (!options.onRefused || reported.has(origin) || reported.size >= MAX_REPORTED) return;
    reported.add(origin);
    options.onRefused(origin, method, path);
  };

  return async function cors(c, next) {
    const origin = c.req.header('origin');
    if (origin === undefined) return next();
    c.header('Vary', 'Origin');
    const ok = allowed(origin) || own(c).includes(origin.toLowerCase());
    const preflight = c.req.method === 'OPTIONS' && c.req.header('access-control-request-method') !== undefined;
    if (!ok) {
      refused(origin, c.req.method, c.req.path);
      const safe = c.req.method === 'GET' || c.req.method === 'HEAD';
      if (preflight || !safe) return jsonError(c, 403, 'origin not allowed');
      return next();
    }
    c.header('Access-Control-Allow-Origin', origin);
    if (preflight) {
      c.header('Access-Control-Allow-Methods', allowMethods);
      c.header('Access-Control-Allow-Headers', allowHeaders);
      c.header('Access-Control-Max-Age', maxAge);
      return c.body(null, 204);
    }
    c.header('Access-Control-Expose-Headers', exposeHeaders);
    return next();
  };
}
