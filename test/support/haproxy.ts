/**
 * A real HAProxy (Debian's package; `.ci/run` installs it) in front of
 * replicas on loopback: round robin, `/healthz` checks every 300 ms, a
 * server out of rotation after two failed checks, connection failures
 * retried on another server (a request never sent is safe to resend).
 * Configuration and nothing else in a temp folder; no logging, so no
 * request content goes anywhere.
 *
 * @example
 * const lb = await startHaproxy([a.url, b.url]);
 * await fetch(`${lb.url}/api/ask`, ...);
 * await lb.stop();
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../build/child-server.ts';

export const HAPROXY = ['/usr/sbin/haproxy', '/usr/bin/haproxy'].find((p) => existsSync(p)) ?? null;

export interface Haproxy {
  url: string;
  stop(): Promise<void>;
}

export function haproxyConfig(port: number, backends: string[]): string {
  const servers = backends.map((url, i) => {
    const { hostname, port: p } = new URL(url);
    return `  server replica${i} ${hostname}:${p} check`;
  });
  return [
    'global',
    '  maxconn 2000',
    'defaults',
    '  mode http',
    '  timeout connect 1s',
    '  timeout client 15s',
    '  timeout server 15s',
    '  retries 3',
    '  option redispatch',
    // The address the request came from, for TRUST_PROXY=1 (the replicas' rate limits and audit).
    '  option forwardfor',
    'frontend chat',
    `  bind 127.0.0.1:${port}`,
    '  default_backend replicas',
    'backend replicas',
    '  balance roundrobin',
    // HTTP/1.1 with a Host header: Node's HTTP server answers a bare HTTP/1.0 check with 400.
    '  option httpchk',
    '  http-check send meth GET uri /healthz ver HTTP/1.1 hdr Host replicas',
    '  http-check expect status 200',
    '  default-server inter 300ms fall 2 rise 1',
    ...servers,
    '',
  ].join('\n');
}

async function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port }, () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

export async function startHaproxy(backends: string[]): Promise<Haproxy> {
  if (HAPROXY === null) throw new Error('load-balancer tests need Debian\'s haproxy package: apt-get install haproxy (.ci/run does)');
  const dir = mkdtempSync(join(tmpdir(), 'clinic-chat-haproxy-'));
  const port = await freePort();
  const config = join(dir, 'haproxy.cfg');
  writeFileSync(config, haproxyConfig(port, backends));
  const child = spawn(HAPROXY, ['-db', '-f', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  for (let i = 0; !(await listening(port)); i++) {
    if (child.exitCode !== null || i > 100) {
      child.kill('SIGKILL');
      throw new Error(`haproxy did not start: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
