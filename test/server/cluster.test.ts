import { appendFileSync, cpSync, rmSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CallbackRecord } from '../../server/api/contract.ts';
import { freePort, spawnServer, waitHealthy, type ServerProcess } from './support/spawn.ts';
import { ADMIN_TOKEN, root, tempDir, validCallback } from './support/start.ts';

interface Reply {
  status: number;
  body: string;
}

/**
 * One request on a connection of its own: the cluster hands connections to
 * workers in turn, so consecutive requests reach both workers.
 */
function fresh(url: string, method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { method, agent: false, headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) } }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode!, body: text }));
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

/** Which workers served `path` with `status`, from the access log lines on stdout. */
function servedBy(p: ServerProcess, method: string, path: string, status: number): Set<number> {
  const workers = new Set<number>();
  for (const line of p.stdout().split('\n')) {
    if (!line.startsWith('{')) continue;
    const entry = JSON.parse(line) as { method: string; path: string; status: number; worker?: number };
    if (entry.method === method && entry.path === path && entry.status === status && entry.worker) workers.add(entry.worker);
  }
  return workers;
}

describe('cluster mode (WORKERS=2), a real server', () => {
  const dataDir = tempDir('cluster');
  const kbDir = join(tempDir('cluster-kb'), 'kb');
  cpSync(join(root, 'knowledge', 'base'), kbDir, { recursive: true });
  const deliveries: string[] = [];
  let receiver: Server;
  let server: ServerProcess;

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        deliveries.push((JSON.parse(body) as { callbackId: string }).callbackId);
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    server = spawnServer({
      PORT: String(await freePort()),
      DATA_DIR: dataDir,
      KNOWLEDGE_DIR: kbDir,
      ADMIN_TOKEN,
      WORKERS: '2',
      RATE_LIMIT_PER_MINUTE: '20',
      CALLBACK_LIMIT_PER_10_MINUTES: '3',
      TRUST_PROXY: '1',
      CALLBACK_WEBHOOK_URL: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`,
    });
    await waitHealthy(server);
    await vi.waitFor(() => expect(server.stdout()).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+ \(2 workers\)/), { timeout: 30_000 });
  });
  afterAll(async () => {
    if (server.child.exitCode === null) server.child.kill('SIGKILL');
    receiver.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(kbDir, { recursive: true, force: true });
  });

  it('enforces one rate limit across the workers', async () => {
    const from = { 'x-forwarded-for': '198.51.100.1' };
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await fresh(server.url, 'POST', '/api/ask', from, { question: 'what is a medial branch block' })).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(20);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20);
    await vi.waitFor(() => expect(servedBy(server, 'POST', '/api/ask', 200)).toEqual(new Set([1, 2])));
  });

  it('stores callbacks in any worker, under one callback limit, lists them from any worker, and notifies once each', async () => {
    const from = { 'x-forwarded-for': '198.51.100.2' };
    const replies: Reply[] = [];
    for (let i = 0; i < 4; i++) replies.push(await fresh(server.url, 'POST', '/api/callback', from, { ...validCallback, name: `Cluster ${i}` }));
    expect(replies.map((r) => r.status)).toEqual([201, 201, 201, 429]);
    const ids = replies.slice(0, 3).map((r) => (JSON.parse(r.body) as { id: string }).id);
    await vi.waitFor(() => expect(servedBy(server, 'POST', '/api/callback', 201)).toEqual(new Set([1, 2])));

    const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
    for (let i = 0; i < 2; i++) {
      const list = await fresh(server.url, 'GET', '/api/admin/callbacks?limit=100', auth);
      expect((JSON.parse(list.body) as CallbackRecord[]).map((r) => r.id).sort()).toEqual([...ids].sort());
    }
    await vi.waitFor(() => expect(servedBy(server, 'GET', '/api/admin/callbacks', 200)).toEqual(new Set([1, 2])));
    // Only the jobs worker delivers, woken by the others: each notification arrives once, well before its 60 s poll.
    await vi.waitFor(() => expect([...deliveries].sort()).toEqual([...ids].sort()), { timeout: 10_000 });
  });

  it('reloads an edited knowledge base in every worker', async () => {
    const marker = 'Cluster reload marker sentence.';
    appendFileSync(join(kbDir, 'entries', 'family-in-the-room.md'), `\n${marker}\n`);
    let n = 0;
    const answer = async () => {
      const reply = await fresh(server.url, 'POST', '/api/ask', { 'x-forwarded-for': `198.51.100.${10 + (n++ % 200)}` }, { question: 'can my husband come in the room with me' });
      return (JSON.parse(reply.body) as { answer?: { text: string } }).answer?.text ?? '';
    };
    // Four answers in a row on fresh connections cover both workers (they take connections in turn).
    await vi.waitFor(async () => {
      const texts = [await answer(), await answer(), await answer(), await answer()];
      expect(texts.every((t) => t.includes(marker))).toBe(true);
    }, { timeout: 10_000, interval: 200 });
  });

  it('stops every worker on SIGTERM and exits 0', async () => {
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.stderr()).toContain('SIGTERM: shutting down 2 workers');
  });
});
