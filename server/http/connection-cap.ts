import type { Server } from 'node:net';
import { addressKey } from './client-ip.ts';
import { rawJsonError } from './raw-response.ts';

export interface ConnectionCapOptions {
  /** Open connections allowed per client address; 0 turns the cap off. */
  perAddress: number;
  /** Groups addresses that count together. Default `addressKey` (IPv6 by /64). */
  key?: (address: string) => string;
  /** Seconds a refused client is told to wait. Default 5. */
  retryAfterSeconds?: number;
}

/**
 * Caps the connections one client address holds open, so a single host
 * cannot use up the process's file descriptors and lock every other visitor
 * out. A connection over the cap is answered with a JSON 429 at once and
 * closed before Node parses anything from it. Only meaningful when clients
 * connect directly: behind a proxy every connection comes from the proxy.
 *
 * @example
 * capConnectionsPerAddress(server, { perAddress: 64 })
 */
export function capConnectionsPerAddress(server: Server, options: ConnectionCapOptions): void {
  if (options.perAddress <= 0) return;
  const { perAddress } = options;
  const keyOf = options.key ?? addressKey;
  const refusal = rawJsonError(
    429,
    { error: 'too many open connections from your address' },
    { 'Retry-After': String(options.retryAfterSeconds ?? 5) },
  );
  const open = new Map<string, number>();

  // Prepended, so it runs before Node's HTTP layer attaches its parser.
  server.prependListener('connection', (socket) => {
    const key = keyOf(socket.remoteAddress ?? 'unknown');
    const count = open.get(key) ?? 0;
    if (count >= perAddress) {
      socket.end(refusal);
      // A client that never reads must not keep the descriptor either.
      setTimeout(() => socket.destroy(), 1000).unref();
      return;
    }
    open.set(key, count + 1);
    socket.once('close', () => {
      const left = (open.get(key) ?? 1) - 1;
      if (left === 0) open.delete(key);
      else open.set(key, left);
    });
  });
}
