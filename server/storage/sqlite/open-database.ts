import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { migrate } from './migrations.ts';

export const DATABASE_FILE = 'clinic-chat.db';

/**
 * Opens (creating on first start) the database under `dataDir`. The pragmas
 * are per connection, so they are set on every open: a reopened WAL database
 * otherwise runs `synchronous=NORMAL`, where a power cut can lose commits that
 * were already acknowledged. FULL syncs the WAL on each commit.
 */
export function openDatabase(dataDir: string): Database.Database {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const db = new Database(join(dataDir, DATABASE_FILE));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
