/**
 * Connection-level behaviour over raw sockets: stalled and trickling clients
 * are cut off, one address cannot hold every descriptor, and Node's own
 * protocol errors come back as JSON like every other error.
 */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { CONNECTION_LIMITS } from '../../server/api/limits.ts';
import { parseResponse, rawConnect, rawRequest, type RawConnection } from './support/raw-http.ts';
import { startTestServer, type TestServer } from './support/start.ts';

const servers: TestServer[] = [];
afterAll(async () => {
  for (const s of servers) {
    await s.close();
    rmSync(s.dataDir, { recursive: true, force: true });
  }
});
const start = async (options: Parameters<typeof startTestServer>[0] = {}) => {
  const s = await startTestServer(options);
  servers.push(s);
  return s;
};

const expectJsonError = (raw: string, status: number) => {
  const res = parseResponse(raw);
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  expect(JSON.parse(res.body)).toEqual({ error: expect.any(String) });
  return res;
};

/** Sends one byte every 100 ms until the server hangs up; resolves with what it answered. */
async function trickle(conn: RawConnection, bytes: string): Promise<string> {
  let i = 0;
  const timer = setInterval(() => {
    if (!conn.socket.destroyed) conn.send(bytes[i++ % bytes.length]!);
  }, 100);
  try {
    return await conn.closed;
  } finally {
    clearInterval(timer);
  }
}

describe('stalled connections', () => {
  const limits = { headersTimeoutMs: 600, requestTimeoutMs: 900, checkIntervalMs: 100 };

  it('the production limits close a stalled connection within about 15 s', () => {
    expect(CONNECTION_LIMITS.headersTimeoutMs).toBeLessThanOrEqual(CONNECTION_LIMITS.requestTimeoutMs);
    expect(CONNECTION_LIMITS.requestTimeoutMs + CONNECTION_LIMITS.checkIntervalMs).toBeLessThanOrEqual(16_000);
    expect(CONNECTION_LIMITS.keepAliveTimeoutMs).toBeLessThanOrEqual(15_000);
  });

  it('answers headers trickled forever with a JSON 408 and closes', async () => {
    const s = await start({ connectionLimits: limits });
    const conn = await rawConnect(s.url);
    conn.send('GET /api/config HTTP/1.1\r\nHost: x\r\nX-Slow: ');
    expectJsonError(await trickle(conn, 'a'), 408);
  });

  it('answers a body trickled forever with a JSON 408 and closes', async () => {
    const s = await start({ connectionLimits: limits });
    const conn = await rawConnect(s.url);
    conn.send('POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2000\r\n\r\n{"question":"');
    expectJsonError(await trickle(conn, 'a'), 408);
  });

  it('closes an idle keep-alive connection', async () => {
    const s = await start({ connectionLimits: { ...limits, keepAliveTimeoutMs: 300 } });
    const conn = await rawConnect(s.url);
    conn.send('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
    const raw = await conn.closed;
    expect(parseResponse(raw).status).toBe(200);
  });
});

describe('connections per client address', () => {
  const held: RawConnection[] = [];
  afterAll(() => held.forEach((c) => c.socket.destroy()));

  it('refuses connections over the cap from one address with a JSON 429, and serves other addresses', async () => {
    const s = await start({ connectionLimits: { perAddress: 3 } });
    for (let i = 0; i < 3; i++) {
      const conn = await rawConnect(s.url, { localAddress: '127.0.0.1' });
      conn.send('GET /healthz HTTP/1.1\r\nHost: x\r\n'); // never finished: the connection is held open
      held.push(conn);
    }
    const refused = await rawConnect(s.url, { localAddress: '127.0.0.1' });
    refused.send('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
    const res = expectJsonError(await refused.closed, 429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);

    // Another visitor is unaffected.
    const health = 'GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n';
    expect(parseResponse(await rawRequest(s.url, health, { localAddress: '127.0.0.2' })).status).toBe(200);

    // A freed slot can be used again.
    const first = held.shift()!;
    first.socket.destroy();
    await first.closed;
    await new Promise((r) => setTimeout(r, 50));
    expect(parseResponse(await rawRequest(s.url, health, { localAddress: '127.0.0.1' })).status).toBe(200);
  });

  it('does not cap behind a trusted proxy, where every connection is the proxy', async () => {
    const s = await start({ env: { TRUST_PROXY: '1' }, connectionLimits: { perAddress: 2 } });
    for (let i = 0; i < 4; i++) {
      const conn = await rawConnect(s.url);
      conn.send('GET /healthz HTTP/1.1\r\nHost: x\r\n');
      held.push(conn);
    }
    expect(parseResponse(await rawRequest(s.url, 'GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).status).toBe(200);
  });
});

describe("Node's protocol errors", () => {
  it.each([
    ['431 for headers over the limit', `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(CONNECTION_LIMITS.maxHeaderBytes + 10)}\r\n\r\n`, 431],
    ['400 for a malformed request', 'HELLO THERE\r\n\r\n', 400],
    ['400 for a bad header', 'GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n', 400],
    ['417 for an unsupported Expect', 'GET /healthz HTTP/1.1\r\nHost: x\r\nExpect: telepathy\r\n\r\n', 417],
  ])('%s is JSON', async (_name, request, status) => {
    const s = servers[0] ?? (await start());
    expectJsonError(await rawRequest(s.url, request), status);
  });
});
