/**
 * Two replicas (real `node dist/server/main.js` processes on one PostgreSQL
 * database) behind a real HAProxy. One is SIGKILLed in the middle of a burst
 * of callback requests: every request acknowledged with 201 is listed by the
 * survivor, and the staff webhook goes out exactly once for each. The two
 * also count one rate limit together.
 */
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHaproxy, type Haproxy } from '../support/haproxy.ts';
import { startPostgres, type TestPostgres } from '../support/postgres.ts';
import { freePort, spawnServer, waitHealthy, type ServerProcess } from './support/spawn.ts';
import { ADMIN_TOKEN, tempDir, validCallback } from './support/start.ts';

/** A staff webhook receiver that can hold its answers for a moment, and counts what it acknowledged. */
async function startReceiver() {
  const acknowledged = new Map<string, number>();
  let held: { req: IncomingMessage; res: ServerResponse; body: string }[] | null = null;
  const answer = (req: IncomingMessage, res: ServerResponse, body: string) => {
    // A sender that died while we held its request never learns of a 2xx: that is not a delivery.
    if (req.socket.destroyed) return;
    const { callbackId } = JSON.parse(body) as { callbackId: string };
    if (!req.headers['webhook-id']) throw new Error('webhook without Webhook-Id');
    acknowledged.set(callbackId, (acknowledged.get(callbackId) ?? 0) + 1);
    res.writeHead(200).end('ok');
  };
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => (held ? held.push({ req, res, body }) : answer(req, res, body)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    acknowledged,
    hold: () => (held = []),
    release: () => {
      const waiting = held ?? [];
      held = null;
      for (const h of waiting) answer(h.req, h.res, h.body);
    },
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

/** One POST through the load balancer from its own loopback address (each visitor is another address). */
function post(url: string, path: string, body: unknown, from: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const req = request(
      { host: hostname, port, path, method: 'POST', localAddress: from, agent: false, headers: { 'content-type': 'application/json', ...headers }, timeout: 10_000 },
      (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        res.on('error', () => resolve({ status: 0, body: '' }));
      },
    );
    req.on('error', () => resolve({ status: 0, body: '' }));
    req.on('timeout', () => req.destroy());
    req.end(JSON.stringify(body));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let postgres: TestPostgres;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let lb: Haproxy;
const replicas: ServerProcess[] = [];
const dataDirs: string[] = [];

beforeAll(async () => {
  [postgres, receiver] = await Promise.all([startPostgres(), startReceiver()]);
  const databaseUrl = await postgres.createDatabase('replicas');
  for (let i = 0; i < 2; i++) {
    const dataDir = tempDir(`replica-${i}`);
    dataDirs.push(dataDir);
    const env = {
      PORT: String(await freePort()),
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      ADMIN_TOKEN,
      TRUST_PROXY: '1',
      RATE_LIMIT_PER_MINUTE: '20',
      CALLBACK_LIMIT_PER_10_MINUTES: '1000',
      CALLBACK_WEBHOOK_URL: receiver.url,
      WEBHOOK_TIMEOUT_SECONDS: '2',
    };
    // Started together: the schema migration lock makes them take turns.
    replicas.push(spawnServer(env, { built: true }));
  }
  await Promise.all(replicas.map(waitHealthy));
  lb = await startHaproxy(replicas.map((r) => r.url));
});
afterAll(async () => {
  await lb?.stop();
  for (const r of replicas) {
    if (r.child.exitCode === null && r.child.signalCode === null) r.child.kill('SIGTERM');
    await r.exited;
  }
  await receiver?.close();
  await postgres?.stop();
  for (const d of dataDirs) rmSync(d, { recursive: true, force: true });
});

describe('two replicas behind HAProxy', () => {
  it('share one rate limit: 40 questions a minute from one address, limit 20, 20 answered', async () => {
    // Windows are whole clock minutes: start right after one begins if this one is nearly over.
    const left = 60_000 - (Date.now() % 60_000);
    if (left < 5_000) await sleep(left + 50);
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await post(lb.url, '/api/ask', { question: 'what is a medial branch block' }, '127.0.2.1')).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(20);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20);
    // Both replicas answered some of them (round robin), so the count really was shared.
    for (const r of replicas) expect(r.stdout().match(/"path":"\/api\/ask"/g)?.length ?? 0).toBeGreaterThan(5);
  });

  it('loses no acknowledged callback and sends no webhook twice when one replica is killed mid-burst', async () => {
    const total = 150;
    const acknowledged = new Map<string, string>(); // idempotency key -> id
    let killed = false;
    const killOne = async () => {
      killed = true;
      // Hold webhook answers first, so no delivery is acknowledged in the instant before the kill
      // (that one would be retried: delivery is at least once, and Webhook-Id lets a receiver drop it).
      receiver.hold();
      await sleep(400);
      replicas[1]!.child.kill('SIGKILL');
      await replicas[1]!.exited;
      await sleep(200);
      receiver.release();
    };
    let next = 0;
    const visitor = async () => {
      while (next < total) {
        const i = next++;
        const key = `burst-${i}`;
        // Like the widget: a failed send is retried with the same Idempotency-Key.
        for (let attempt = 0; attempt < 5; attempt++) {
          const res = await post(lb.url, '/api/callback', { ...validCallback, name: `Visitor ${i}` }, `127.0.1.${i + 1}`, { 'idempotency-key': key });
          if (res.status === 201) {
            acknowledged.set(key, (JSON.parse(res.body) as { id: string }).id);
            break;
          }
          expect([0, 502, 503, 504]).toContain(res.status);
          await sleep(200);
        }
        if (!killed && acknowledged.size >= 50) void killOne();
      }
    };
    await Promise.all(Array.from({ length: 8 }, visitor));
    expect(killed).toBe(true);
    expect(await replicas[1]!.exited).toBe('SIGKILL');
    expect(acknowledged.size).toBe(total);

    const survivor = replicas[0]!;
    const listed = (await (await fetch(`${survivor.url}/api/admin/callbacks?limit=1000`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).json()) as { id: string }[];
    // Every acknowledged request is there, once: a retry of one stored just before the kill found it.
    expect(listed.map((r) => r.id).sort()).toEqual([...acknowledged.values()].sort());

    // The killed replica's claimed deliveries come back after their lease (2 x 2 s + 1 s).
    await expect.poll(() => listed.filter((r) => !receiver.acknowledged.has(r.id)).length, { timeout: 15_000, interval: 250 }).toBe(0);
    await sleep(500);
    const twice = [...receiver.acknowledged].filter(([, n]) => n > 1);
    expect(twice).toEqual([]);
    expect(receiver.acknowledged.size).toBe(total);
    // Nothing a visitor typed reached either replica's output.
    for (const r of replicas) expect(r.stdout() + r.stderr()).not.toMatch(/Visitor \d|Jane Doe|123-4567|Question about my block/);
  });
});
