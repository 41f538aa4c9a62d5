import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * Groups addresses the way a rate limit should count them: IPv4-mapped IPv6
 * becomes plain IPv4, and IPv6 is cut to its /64 (one home or phone usually
 * owns a whole /64, so per-address keys would be free to rotate).
 */
export function addressKey(address: string): string {
  const ip = address.trim().toLowerCase();
  if (ip.startsWith('::ffff:') && ip.includes('.')) return ip.slice(7);
  if (!ip.includes(':')) return ip;
  const [head = '', tail = ''] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::')
    ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
    : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/**
 * The value a forwarded header (X-Forwarded-For, X-Forwarded-Proto) carries
 * for the hop `trustedHops` proxies back. `own` is what this server sees
 * itself (the socket peer, the connection's protocol). Entries further left
 * are client-supplied and can be forged, so they are never used.
 */
export function fromTrustedHop(header: string | undefined, own: string, trustedHops: number): string {
  if (trustedHops === 0 || !header) return own;
  const chain = [...header.split(',').map((a) => a.trim()).filter(Boolean), own];
  return chain[Math.max(0, chain.length - 1 - trustedHops)] ?? own;
}

/**
 * The client's address for a request: the socket peer, or with `trustedHops`
 * reverse proxies in front, the X-Forwarded-For entry that many hops back.
 */
export function clientAddress(c: Context, trustedHops: number): string {
  const peer = getConnInfo(c).remote.address ?? 'unknown';
  return fromTrustedHop(c.req.header('x-forwarded-for'), peer, trustedHops);
}

/** The rate-limit key of a request's client, behind `trustedHops` proxies. */
export const clientKey = (trustedHops: number) => (c: Context): string => addressKey(clientAddress(c, trustedHops));
