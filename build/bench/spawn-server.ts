import { spawn } from 'node:child_process';
import { freePort, waitHealthy } from '../child-server.ts';

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/** Starts a server in its own process, so the load generator never shares its event loop. */
export async function spawnServer(args: string[], env: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitHealthy(url, child);
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
