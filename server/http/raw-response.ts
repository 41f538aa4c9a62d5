import { STATUS_CODES } from 'node:http';
import type { ApiError } from '../api/contract.ts';

/**
 * A complete HTTP/1.1 response with a JSON error body, as bytes for a raw
 * socket. For the few answers given before (or instead of) Node's request
 * handling, so they keep the contract's "every error is JSON" too. Always
 * `Connection: close`: the socket is in an unknown state afterwards.
 */
export function rawJsonError(status: number, body: ApiError & Record<string, unknown>, headers: Record<string, string> = {}): string {
  const json = JSON.stringify(body);
  const lines = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(json)}`,
    'Cache-Control: no-store',
    'Connection: close',
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ];
  return `${lines.join('\r\n')}\r\n\r\n${json}`;
}
