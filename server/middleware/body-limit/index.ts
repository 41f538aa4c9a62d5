import type { Context, MiddlewareHandler } from 'hono';
import { jsonError } from '../../http/json-error.ts';

export interface BodyLimitOptions {
  /** Largest accepted body in bytes, or a function choosing it per request. Default 16 KiB. */
  maxSize?: number | ((c: Context) => number);
  /** Methods whose bodies are checked. Default POST, PUT, PATCH. */
  methods?: string[];
}

/**
 * Rejects request bodies over `maxSize` from the `Content-Length` header alone
 * (413), and bodies without one (411). Node's HTTP parser holds the body to
 * its declared length, so trusting the header is safe, and far cheaper than
 * counting a streamed body.
 *
 * @example
 * app.use('/api/*', bodyLimit({ maxSize: 8 * 1024 }))
 */
export function bodyLimit(options: BodyLimitOptions = {}): MiddlewareHandler {
  const limit = options.maxSize ?? 16 * 1024;
  const methods = new Set(options.methods ?? ['POST', 'PUT', 'PATCH']);
  return async function bodyLimit(c, next) {
    if (!methods.has(c.req.method)) return next();
    const length = c.req.header('content-length');
    if (length === undefined || c.req.header('transfer-encoding') !== undefined) {
      return jsonError(c, 411, 'Content-Length header required');
    }
    const maxSize = typeof limit === 'number' ? limit : limit(c);
    if (Number(length) > maxSize) {
      return jsonError(c, 413, 'request body too large', { maxBytes: maxSize });
    }
    return next();
  };
}
