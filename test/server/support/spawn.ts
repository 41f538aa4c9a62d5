import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { waitHealthy as waitForHealth } from '../../../build/child-server.ts';
import { root } from './start.ts';

export { freePort } from '../../../build/child-server.ts';

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code (or signal name). */
  exited: Promise<number | string>;
}

export interface SpawnOptions {
  /**
   * Caps the size of any file the server writes (`ulimit -f`, in KiB), so
   * the disk "fills up" for real: writes past it fail with an I/O error.
   */
  maxFileKb?: number;
  /** Run the production bundle (`node dist/server/main.js`, as `npm start` does) instead of the sources. */
  built?: boolean;
}

/** Runs the real entry point (`server/main.ts` through tsx) as its own process. */
export function spawnServer(env: Record<string, string>, options: SpawnOptions = {}): ServerProcess {
  const bundle = join(root, 'dist', 'server', 'main.js');
  if (options.built && !existsSync(bundle)) throw new Error(`${bundle} is missing: run npm run build first (npm test does)`);
  const node = options.built ? [process.execPath, bundle] : [process.execPath, '--import', 'tsx', join(root, 'server', 'main.ts')];
  // `ulimit -f` counts 512-byte blocks in POSIX sh; Node ignores SIGXFSZ, so an oversized write just fails.
  const [command, ...args] =
    options.maxFileKb === undefined ? node : ['/bin/sh', '-c', `ulimit -f ${options.maxFileKb * 2} && exec "$@"`, 'sh', ...node];
  const child = spawn(command!, args, {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const exited = once(child, 'exit').then(([code, signal]) => (code ?? signal) as number | string);
  return { child, url: `http://127.0.0.1:${env.PORT}`, stdout: () => out, stderr: () => err, exited };
}

/** Waits until `/healthz` answers, failing fast (with its stderr) if the process dies. */
export function waitHealthy(p: ServerProcess): Promise<void> {
  return waitForHealth(p.url, p.child, p.stderr);
}
