/**
 * A real, throwaway PostgreSQL server for tests: Debian's `postgresql`
 * package (`.ci/run` installs it), a fresh cluster in a temp folder, a free
 * loopback port, its unix socket in that folder too. Each test file starts
 * its own and removes it afterwards, so files never share state.
 *
 * initdb and postgres refuse to run as root, and CI runs as root: then the
 * cluster belongs to the `postgres` user the package creates and both run
 * through `runuser`.
 *
 * @example
 * const pg = await startPostgres();
 * const url = await pg.createDatabase('callbacks');
 * ...
 * await pg.stop();
 */
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from '../../build/child-server.ts';

const run = promisify(execFile);

/** The newest installed PostgreSQL's bin folder, or `null` when the package is missing. */
export function postgresBin(): string | null {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) => existsSync(join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(base, versions[0]!, 'bin') : null;
}

export interface TestPostgres {
  /** postgres://… of the server's default database. */
  adminUrl: string;
  port: number;
  /** Creates a database (empty, or a copy of `template`) and returns its URL. */
  createDatabase(name: string, template?: string): Promise<string>;
  /** Stops the server (fast shutdown) without removing it, to test an outage. */
  pause(): Promise<void>;
  /** Starts it again after `pause`, on the same port. */
  resume(): Promise<void>;
  /** Stops the server and removes its folder. */
  stop(): Promise<void>;
}

/** Stops the test with the install hint: a real PostgreSQL is required, never silently skipped. */
function requireBin(): string {
  const bin = postgresBin();
  if (bin === null) throw new Error('PostgreSQL tests need Debian\'s postgresql package: apt-get install postgresql (.ci/run does)');
  return bin;
}

export async function startPostgres(): Promise<TestPostgres> {
  const bin = requireBin();
  const asRoot = userInfo().uid === 0;
  const dir = mkdtempSync(join(tmpdir(), 'clinic-chat-pg-'));
  const data = join(dir, 'data');
  const log = join(dir, 'server.log');
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  // Runs a PostgreSQL program as the cluster's owner.
  const as = (program: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, program), ...args]) : run(join(bin, program), args);

  await as('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const port = await freePort();
  writeFileSync(join(dir, 'port'), String(port));
  // Loopback only, socket in our folder, no dependence on /var/run/postgresql.
  const options = `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${dir} -c max_connections=100`;
  const start = () => as('pg_ctl', ['-D', data, '-l', log, '-w', '-t', '30', '-o', options, 'start']);
  const stopServer = () => as('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  await start();
  const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let running = true;

  return {
    adminUrl,
    port,
    async createDatabase(name, template) {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}${template ? ` TEMPLATE ${pg.escapeIdentifier(template)}` : ''}`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    async pause() {
      await stopServer();
      running = false;
    },
    async resume() {
      await start();
      running = true;
    },
    async stop() {
      try {
        if (running) await stopServer();
      } finally {
        running = false;
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
