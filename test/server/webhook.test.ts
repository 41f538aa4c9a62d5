import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { WebhookPayload } from '../../server/notify/webhook.ts';
import { startTestServer, tempDir, validCallback } from './support/start.ts';

/** A staff-side receiver that answers `status()` and records what it accepted. */
function receiver(
  status: () => number,
  port = 0,
): Promise<{ server: Server; url: string; accepted: WebhookPayload[]; raw: string[]; headers: IncomingHttpHeaders[] }> {
  const accepted: WebhookPayload[] = [];
  const raw: string[] = [];
  const headers: IncomingHttpHeaders[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      const code = status();
      raw.push(body);
      headers.push(req.headers);
      if (code < 300) accepted.push(JSON.parse(body));
      res.writeHead(code).end();
    });
  });
  return new Promise((resolve) =>
    server.listen(port, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, accepted, raw, headers }),
    ),
  );
}

const closeServer = (s: Server) => new Promise<void>((r) => { s.close(() => r()); s.closeAllConnections(); });

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 25));
}

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

describe('staff webhook', () => {
  it('retries a failing receiver until it accepts, sending no personal data', async () => {
    let calls = 0;
    const hook = await receiver(() => (++calls <= 2 ? 503 : 204));
    cleanup.push(() => closeServer(hook.server));
    const app = await startTestServer({ env: { CALLBACK_WEBHOOK_URL: hook.url, PUBLIC_URL: 'https://chat.clinic.example' } });
    cleanup.push(async () => {
      await app.close();
      rmSync(app.dataDir, { recursive: true, force: true });
    });

    const { id } = await (await app.postJson('/api/callback', validCallback)).json();
    await until(() => hook.accepted.length === 1);
    expect(calls).toBe(3);
    expect(hook.accepted[0]).toEqual({
      type: 'callback.created',
      callbackId: id,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      inbox: 'https://chat.clinic.example/admin',
    });
    for (const body of hook.raw) {
      for (const secret of ['Jane', '555', 'mornings', 'block next week']) expect(body).not.toContain(secret);
    }
    expect(app.errorLog.join('\n')).not.toContain('Jane');
  });

  it('signs each delivery when CALLBACK_WEBHOOK_SECRET is set, so the receiver can verify it', async () => {
    const hook = await receiver(() => 204);
    cleanup.push(() => closeServer(hook.server));
    const secret = 'shared-webhook-secret';
    const app = await startTestServer({ env: { CALLBACK_WEBHOOK_URL: hook.url, CALLBACK_WEBHOOK_SECRET: secret } });
    cleanup.push(() => app.close());

    await app.postJson('/api/callback', validCallback);
    await until(() => hook.accepted.length === 1);
    const timestamp = hook.headers[0]!['webhook-timestamp'] as string;
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(60);
    const expected = createHmac('sha256', secret).update(`${timestamp}.${hook.raw[0]}`).digest('hex');
    expect(hook.headers[0]!['webhook-signature']).toBe(`sha256=${expected}`);
  });

  it('resumes pending deliveries after a restart, losing none while the receiver is down', async () => {
    const down = await receiver(() => 204);
    const { port } = down.server.address() as AddressInfo;
    const url = down.url;
    await closeServer(down.server); // nothing listens: connection refused

    const dataDir = tempDir('webhook');
    cleanup.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    const first = await startTestServer({ dataDir, env: { CALLBACK_WEBHOOK_URL: url } });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await (await first.postJson('/api/callback', validCallback)).json()).id);
    await until(() => first.errorLog.filter((l) => l.startsWith('webhook:')).length >= 3);
    await first.close();

    const up = await receiver(() => 204, port);
    cleanup.push(() => closeServer(up.server));
    const second = await startTestServer({ dataDir, env: { CALLBACK_WEBHOOK_URL: url } });
    cleanup.push(() => second.close());
    await until(() => up.accepted.length === 3);
    expect(up.accepted.map((p) => p.callbackId).sort()).toEqual([...ids].sort());
  });

  it('does not follow a redirect: the signed payload goes nowhere else, and the delivery counts as failed', async () => {
    const elsewhere = await receiver(() => 204);
    cleanup.push(() => closeServer(elsewhere.server));
    let calls = 0;
    const redirecting = createServer((req, res) => {
      calls++;
      req.resume();
      res.writeHead(307, { location: elsewhere.url }).end();
    });
    await new Promise<void>((r) => redirecting.listen(0, '127.0.0.1', () => r()));
    cleanup.push(() => closeServer(redirecting));
    const hookUrl = `http://127.0.0.1:${(redirecting.address() as AddressInfo).port}/hook`;
    const app = await startTestServer({ env: { CALLBACK_WEBHOOK_URL: hookUrl, CALLBACK_WEBHOOK_SECRET: 'shared-webhook-secret' } });
    cleanup.push(async () => {
      await app.close();
      rmSync(app.dataDir, { recursive: true, force: true });
    });

    await app.postJson('/api/callback', validCallback);
    await until(() => calls >= 2); // retried: a 3xx is not a delivery
    expect(elsewhere.raw).toEqual([]);
    expect(app.errorLog.join('\n')).toMatch(/webhook: notification \d+ failed \(attempt 1\)/);
  });
});
