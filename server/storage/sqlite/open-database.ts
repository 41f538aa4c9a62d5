import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { migrate } from './migrations.ts';

export const DATABASE_FILE = 'clinic-chat.db';

/** The SQLite file under `dataDir`. */
export const databasePath = (dataDir: string) => join(dataDir, DATABASE_FILE);

/**
 * Opens (creating on first start) the database under `dataDir`. The pragmas
 * are per connection, so they are set on every open: a reopened WAL database
 * otherwise runs `synchronous=NORMAL`, where a power cut can lose commits that
 * were already acknowledged. FULL syncs the WAL on each commit.
 *
 * A damaged file is refused here, with a message saying what to do, rather
 * than served until the first write fails: `quick_check` reads every page
 * once (well under a second for a clinic's 90 days of requests).
 */
export function openDatabase(dataDir: string): Database.Database {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = databasePath(dataDir);
  let db: Database.Database | undefined;
  try {
    db = connectDatabase(file);
    const problems = (db.pragma('quick_check(5)') as { quick_check: string }[]).map((r) => r.quick_check);
    if (problems.join() !== 'ok') throw damaged(file, problems.join('; ').replace(/\s*\n\s*/g, ' '));
    migrate(db);
    return db;
  } catch (error) {
    db?.close();
    const code = (error as { code?: string }).code ?? '';
    if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) throw damaged(file, (error as Error).message);
    throw error;
  }
}

/**
 * A connection to an existing, already checked and migrated database file,
 * with the per-connection pragmas (the writer thread opens its own). The
 * busy timeout lets cluster workers and the writer thread queue for the
 * write lock instead of failing at once.
 */
export function connectDatabase(file: string): Database.Database {
  const db = new Database(file);
  try {
    // First, so that even switching to WAL waits for another process opening the file at the same moment.
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function damaged(file: string, detail: string): Error {
  return new Error(
    `database ${file} is damaged (${detail}). Not starting, so nothing more is written into it: ` +
      `stop the server, move the file (and its -wal/-shm files) aside, restore the latest backup into its place ` +
      `(or start empty), then start again.`,
  );
}
