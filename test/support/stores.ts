/**
 * The stores the storage contract runs against: the SQLite file and a real
 * PostgreSQL. Each `fresh()` is an empty store of its own; `again()` opens
 * a second connection (or pool) to the same one, as a restart or another
 * replica would.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPostgresStorage } from '../../server/storage/postgres/index.ts';
import { openSqliteStorage } from '../../server/storage/sqlite/index.ts';
import type { Storage } from '../../server/storage/types.ts';
import { startPostgres, type TestPostgres } from './postgres.ts';

export interface StoreKind {
  name: 'sqlite' | 'postgres';
  /** Once per test file. */
  setup(): Promise<void>;
  teardown(): Promise<void>;
  /** A new, empty store; `again` opens another handle on it. */
  fresh(): Promise<{ storage: Storage; again: () => Promise<Storage> }>;
}

export function sqliteKind(): StoreKind {
  let dir = '';
  let n = 0;
  return {
    name: 'sqlite',
    async setup() {
      dir = mkdtempSync(join(tmpdir(), 'clinic-chat-store-'));
    },
    async teardown() {
      rmSync(dir, { recursive: true, force: true });
    },
    async fresh() {
      const data = join(dir, `store-${++n}`, 'nested');
      return { storage: openSqliteStorage(data), again: async () => openSqliteStorage(data) };
    },
  };
}

export function postgresKind(): StoreKind & { server(): TestPostgres } {
  let server: TestPostgres | null = null;
  let n = 0;
  const silent = { log: () => undefined };
  return {
    name: 'postgres',
    server: () => server!,
    // Migrated once into a template, then copied per test: a copy takes a fraction of a full migration.
    async setup() {
      server = await startPostgres();
      await (await openPostgresStorage(await server.createDatabase('store_template'), silent)).close();
    },
    async teardown() {
      await server?.stop();
    },
    async fresh() {
      const url = await server!.createDatabase(`store_${++n}`, 'store_template');
      return { storage: await openPostgresStorage(url, silent), again: () => openPostgresStorage(url, silent) };
    },
  };
}

export const storeKinds = (): StoreKind[] => [sqliteKind(), postgresKind()];
