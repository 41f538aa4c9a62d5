import type { MiddlewareHandler } from 'hono';
import { jsonError } from '../../http/json-error.ts';

export interface ContentTypeOptions {
  /** Accepted media types (parameters such as charset are ignored). Default application/json. */
  types?: string[];
  /** Methods whose bodies are checked. Default POST, PUT, PATCH. */
  methods?: string[];
}

/**
 * Answers 415 unless a request body declares an accepted media type. Besides
 * clear errors, this makes cross-site form posts (text/plain, form-encoded)
 * fail before any handler runs.
 *
 * @example
 * app.use('/api/*', contentType())
 */
export function contentType(options: ContentTypeOptions = {}): MiddlewareHandler {
  const types = options.types ?? ['application/json'];
  const accepted = new Set(types.map((t) => t.toLowerCase()));
  const methods = new Set(options.methods ?? ['POST', 'PUT', 'PATCH']);
  const message = `Content-Type must be ${types.join(' or ')}`;
  return async function contentType(c, next) {
    if (!methods.has(c.req.method)) return next();
    const header = c.req.header('content-type') ?? '';
    const semicolon = header.indexOf(';');
    const type = (semicolon === -1 ? header : header.slice(0, semicolon)).trim().toLowerCase();
    if (!accepted.has(type)) return jsonError(c, 415, message);
    return next();
  };
}
