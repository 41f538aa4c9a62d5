import type { StaffRole } from '../../../server/api/contract.ts';
import { hashPassword } from '../../../server/auth/password.ts';
import type { ServerConfig } from '../../../server/config.ts';
import { openStorage } from '../../../server/storage/open-storage.ts';
import type { TestServer } from './start.ts';

export const PASSWORD = 'correct horse battery staple';

/**
 * Creates (or resets) an account straight in the server's database, as `npm run staff -- add` does:
 * the SQLite file under `where` (a DATA_DIR), or the database a server's settings name.
 */
export async function addAccount(where: string | Pick<ServerConfig, 'dataDir' | 'databaseUrl'>, email: string, role: StaffRole, password = PASSWORD): Promise<void> {
  const storage = await openStorage(typeof where === 'string' ? { dataDir: where, databaseUrl: null } : where);
  try {
    await storage.saveAccount({ email, role, passwordHash: await hashPassword(password), at: new Date() });
  } finally {
    await storage.close();
  }
}

/** A signed-in browser, reduced to what matters: its cookie and its Origin on every request. */
export interface StaffClient {
  cookie: string;
  request(path: string, init?: RequestInit): Promise<Response>;
  json(path: string, method: string, body: unknown): Promise<Response>;
}

export function loginRequest(server: TestServer, email: string, password: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${server.url}/api/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url, ...headers },
    body: JSON.stringify({ email, password, ...extra }),
  });
}

export function clientWithCookie(server: TestServer, cookie: string): StaffClient {
  const request = (path: string, init: RequestInit = {}) =>
    fetch(`${server.url}${path}`, { ...init, headers: { cookie, origin: server.url, ...init.headers } });
  return {
    cookie,
    request,
    json: (path, method, body) => request(path, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  };
}

/** Signs in over HTTP and returns a client carrying the session cookie. */
export async function signIn(server: TestServer, email: string, password = PASSWORD): Promise<StaffClient> {
  const res = await loginRequest(server, email, password);
  if (res.status !== 200) throw new Error(`sign-in as ${email} answered ${res.status}: ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  return clientWithCookie(server, cookie);
}
