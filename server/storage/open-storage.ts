import type { ServerConfig } from '../config.ts';
import { openPostgresStorage, type PostgresStorageOptions } from './postgres/index.ts';
import { openSqliteStorage, type SqliteStorageOptions } from './sqlite/index.ts';
import type { Storage } from './types.ts';

export interface OpenStorageOptions {
  /** SQLite health thresholds (tests raise the free-space floor to see a full disk). */
  sqlite?: SqliteStorageOptions;
  postgres?: PostgresStorageOptions;
}

/**
 * The store the configuration names: PostgreSQL when `DATABASE_URL` is set
 * (shared by every replica), else the SQLite file under `DATA_DIR`.
 *
 * @example
 * const storage = await openStorage(loadConfig(process.env, root));
 */
export function openStorage(config: Pick<ServerConfig, 'databaseUrl' | 'dataDir'>, options: OpenStorageOptions = {}): Promise<Storage> {
  if (config.databaseUrl !== null) return openPostgresStorage(config.databaseUrl, options.postgres);
  return Promise.resolve().then(() => openSqliteStorage(config.dataDir, options.sqlite));
}
