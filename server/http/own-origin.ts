import type { Context } from 'hono';
import { fromTrustedHop } from './client-ip.ts';

export interface OwnOriginOptions {
  /** `PUBLIC_URL`: where visitors and staff reach this server. */
  publicUrl: string;
  /** Reverse proxies in front that set X-Forwarded-Proto. */
  trustProxy: number;
}

/**
 * The origins this server's own pages (demo, `/admin`) are loaded from, for
 * one request. Always `PUBLIC_URL`'s origin. Besides that, the request's
 * Host with the scheme it really came over: plain `http:` when clients
 * connect directly (this process speaks no TLS), or the trusted proxy's
 * X-Forwarded-Proto behind one. Host cannot be forged by a page in a
 * browser, so this never admits another site.
 *
 * @example
 * cors({ ownOrigins: (c) => ownOrigins(c, { publicUrl: 'https://chat.example-clinic.com', trustProxy: 1 }) })
 */
export function ownOrigins(c: Context, options: OwnOriginOptions): string[] {
  const origins = [new URL(options.publicUrl).origin];
  const host = c.req.header('host');
  if (host) {
    const proto = fromTrustedHop(c.req.header('x-forwarded-proto'), 'http', options.trustProxy).toLowerCase();
    if (proto === 'http' || proto === 'https') origins.push(`${proto}://${host.toLowerCase()}`);
  }
  return origins;
}
