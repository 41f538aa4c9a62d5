import { connect, type Socket } from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Parses the first HTTP/1.1 response in `raw` (Content-Length bodies only, as our errors are). */
export function parseResponse(raw: string): RawResponse {
  const end = raw.indexOf('\r\n\r\n');
  if (end === -1) throw new Error(`no complete response in ${JSON.stringify(raw.slice(0, 200))}`);
  const [statusLine = '', ...lines] = raw.slice(0, end).split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  const length = Number(headers['content-length'] ?? raw.length);
  return { status: Number(statusLine.split(' ')[1]), headers, body: raw.slice(end + 4, end + 4 + length) };
}

export interface RawConnection {
  socket: Socket;
  /** Everything received so far. */
  received(): string;
  /** Resolves with everything received once the server closes the connection. */
  closed: Promise<string>;
  send(data: string): void;
}

/** A plain TCP connection to a test server, for what `fetch` cannot do: stall, trickle, malform. */
export async function rawConnect(url: string, options: { localAddress?: string } = {}): Promise<RawConnection> {
  const { hostname, port } = new URL(url);
  const socket = connect({ host: hostname, port: Number(port), ...options });
  let data = '';
  socket.setEncoding('latin1');
  socket.on('data', (d: string) => (data += d));
  const closed = new Promise<string>((resolve) => {
    socket.on('close', () => resolve(data));
    socket.on('error', () => undefined); // a reset after the response is expected for refused connections
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  return { socket, received: () => data, closed, send: (d) => socket.write(d, 'latin1') };
}

/** Sends `request` on a new connection and resolves with everything received once the server closes it. */
export async function rawRequest(url: string, request: string, options: { localAddress?: string } = {}): Promise<string> {
  const conn = await rawConnect(url, options);
  conn.send(request);
  return conn.closed;
}
