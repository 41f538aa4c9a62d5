import type { MiddlewareHandler } from 'hono';

export interface SecureHeadersOptions {
  /** `Content-Security-Policy` value; omitted when undefined. */
  contentSecurityPolicy?: string;
  /** Default `same-origin`; widget files need `cross-origin` so other sites can load them. */
  crossOriginResourcePolicy?: 'same-origin' | 'same-site' | 'cross-origin';
  /** Default `no-referrer`. */
  referrerPolicy?: string;
}

/** A CSP for our own HTML pages: only same-origin scripts, styles and calls; no inline code. */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Security headers computed once and set with `c.header()` (Hono's
 * `secureHeaders()` does more work per request and always sends CORP
 * `same-origin`, which would stop other sites from loading the widget).
 *
 * @example
 * app.use('/widget.js', secureHeaders({ crossOriginResourcePolicy: 'cross-origin' }))
 * app.get('/', secureHeaders({ contentSecurityPolicy: PAGE_CSP }), servePage)
 */
export function secureHeaders(options: SecureHeadersOptions = {}): MiddlewareHandler {
  const headers: [string, string][] = [
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', options.referrerPolicy ?? 'no-referrer'],
    ['Cross-Origin-Resource-Policy', options.crossOriginResourcePolicy ?? 'same-origin'],
  ];
  if (options.contentSecurityPolicy !== undefined) {
    headers.push(['Content-Security-Policy', options.contentSecurityPolicy], ['X-Frame-Options', 'DENY']);
  }
  return async function secureHeaders(c, next) {
    for (const [name, value] of headers) c.header(name, value);
    return next();
  };
}
