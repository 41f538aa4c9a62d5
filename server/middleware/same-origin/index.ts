import type { Context, MiddlewareHandler } from 'hono';
import { jsonError } from '../../http/json-error.ts';

export interface SameOriginOptions {
  /** Origins besides the request's own that count as ours (e.g. PUBLIC_URL behind a proxy). Default none. */
  origins?: string[];
  /** Methods checked. Default POST, PUT, PATCH, DELETE. */
  methods?: string[];
  /**
   * Whether a request that carries neither `Origin` nor `Sec-Fetch-Site`
   * (not a browser) may pass. Default: only with an `Authorization` header,
   * which no other site can make a browser send.
   */
  allowWithoutOrigin?: (c: Context) => boolean;
}

/**
 * Refuses state-changing requests that a browser sent on another site's
 * behalf (CSRF), with 403 JSON. SameSite=Strict cookies already stop most;
 * this also stops same-site pages (another port on the same host) and old
 * browsers. Browsers send `Origin` on every POST/PUT/PATCH/DELETE, and
 * `Sec-Fetch-Site` on every request.
 *
 * @example
 * app.use('/api/admin/*', sameOrigin({ origins: ['https://chat.example-clinic.com'] }))
 */
export function sameOrigin(options: SameOriginOptions = {}): MiddlewareHandler {
  const methods = new Set(options.methods ?? ['POST', 'PUT', 'PATCH', 'DELETE']);
  const extra = new Set((options.origins ?? []).map((o) => o.toLowerCase()));
  const allowWithoutOrigin = options.allowWithoutOrigin ?? ((c: Context) => c.req.header('authorization') !== undefined);
  return async function sameOrigin(c, next) {
    if (!methods.has(c.req.method)) return next();
    const origin = c.req.header('origin')?.toLowerCase();
    const site = c.req.header('sec-fetch-site');
    const own = new URL(c.req.url).origin.toLowerCase();
    const ok =
      origin !== undefined && origin !== 'null'
        ? origin === own || extra.has(origin)
        : site !== undefined
          ? site === 'same-origin'
          : origin === undefined && allowWithoutOrigin(c);
    if (!ok) return jsonError(c, 403, 'cross-site request refused: staff changes must come from the staff page');
    return next();
  };
}
