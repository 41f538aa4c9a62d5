import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../../../server/clock.ts';
import { loadConfig, type ServerConfig } from '../../../server/config.ts';
import { findRepoRoot } from '../../../server/repo-root.ts';
import { startServer, type StartOptions } from '../../../server/server.ts';

export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';
export const root = findRepoRoot(import.meta.url);

export interface TestServer {
  url: string;
  dataDir: string;
  /** DATABASE_URL when the server keeps its data in PostgreSQL. */
  databaseUrl: string | null;
  /** Access log lines and operational messages, to check nothing personal leaks. */
  requestLog: string[];
  errorLog: string[];
  admin(path: string, init?: RequestInit): Promise<Response>;
  postJson(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `clinic-chat-${prefix}-`));
}

/** A built-widget folder with a loader, a hashed app chunk and the staff bundle. */
export function fakeWidgetBuild(): string {
  const dir = tempDir('widget');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'widget.js'), '/* loader */');
  writeFileSync(join(dir, 'app-0123abcd45.js'), '/* app */');
  writeFileSync(join(dir, 'admin.js'), '/* admin */');
  return dir;
}

/**
 * The real server (bundled knowledge base, SQLite in a temp DATA_DIR) on an
 * ephemeral loopback port. Rate limits are off unless `env` turns them on.
 */
export async function startTestServer(
  options: {
    env?: Record<string, string>;
    dataDir?: string;
    clock?: Clock;
    widgetDir?: string;
    connectionLimits?: StartOptions['connectionLimits'];
    storage?: StartOptions['storage'];
    emailCoalesceMs?: number;
    /** Settings with no environment variable of their own (e.g. `sharedLimits`, which cluster mode sets). */
    config?: Partial<ServerConfig>;
  } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? tempDir('data');
  const config = loadConfig(
    { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ADMIN_TOKEN, RATE_LIMIT_PER_MINUTE: '0', ...options.env },
    root,
  );
  const widgetDir = options.widgetDir ?? fakeWidgetBuild();
  const requestLog: string[] = [];
  const errorLog: string[] = [];
  const running = await startServer(
    { ...config, ...options.config, widgetDir },
    {
      log: (m) => errorLog.push(m),
      logRequest: (l) => requestLog.push(l),
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.connectionLimits ? { connectionLimits: options.connectionLimits } : {}),
      ...(options.storage ? { storage: options.storage } : {}),
      ...(options.emailCoalesceMs === undefined ? {} : { emailCoalesceMs: options.emailCoalesceMs }),
    },
  );
  const { url } = running;
  return {
    url,
    dataDir,
    databaseUrl: config.databaseUrl,
    requestLog,
    errorLog,
    admin: (path, init = {}) =>
      fetch(`${url}${path}`, { ...init, headers: { authorization: `Bearer ${ADMIN_TOKEN}`, ...init.headers } }),
    postJson: (path, body, headers = {}) =>
      fetch(`${url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    async close() {
      await running.close();
      if (!options.widgetDir) rmSync(widgetDir, { recursive: true, force: true });
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const validCallback = {
  name: 'Jane Doe',
  phone: '(555) 123-4567',
  preferredTime: 'mornings',
  message: 'Question about my block next week',
  consent: true,
};
