import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** Helpers for running a server as a child process (benchmarks, crash tests). */

/** A loopback port free right now, for a server that must be told its port up front. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** Waits until `url/healthz` answers, failing fast (with `why()`) if the process dies first. */
export async function waitHealthy(url: string, child: ChildProcess, why: () => string = () => ''): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited: ${why()}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${url} did not become healthy: ${why()}`);
}
