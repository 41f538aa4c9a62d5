import pg from 'pg';

/** Server settings every connection starts with (the libpq `options` startup parameter). */
const SESSION = {
  /**
   * A commit returns only once its WAL record is flushed to the database
   * server's disk: the PostgreSQL default, set explicitly so a server-wide
   * or per-role `synchronous_commit = off` can never turn a 201 into a
   * promise the database may break. (With a synchronous standby configured,
   * `on` also waits for it.)
   */
  durable: 'on',
  /** Counters and statistics: a database crash may lose the last fraction of a second of them, nothing else. */
  relaxed: 'off',
} as const;

export interface PoolSettings {
  url: string;
  /** Most connections this process opens for durable writes and reads. */
  max: number;
  /** `durable` for anything acknowledged to a person; `relaxed` for counters. */
  commit: keyof typeof SESSION;
  /** Operational messages (never row contents). */
  log: (message: string) => void;
}

// timestamptz as the ISO strings the rest of the server uses (ms precision, like JavaScript dates), bigint as numbers
// (ids, counts and epoch milliseconds all stay far below 2^53).
const TIMESTAMPTZ = 1184;
const INT8 = 20;
const parseTimestamp = pg.types.getTypeParser(TIMESTAMPTZ) as (text: string) => Date;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === TIMESTAMPTZ) return (text: string) => parseTimestamp(text).toISOString();
    if (oid === INT8) return (text: string) => Number(text);
    return pg.types.getTypeParser(oid, format);
  }) as typeof pg.types.getTypeParser,
};

/**
 * A connection pool with bounded waits, so a database that is down or
 * unreachable fails a request within seconds (a 503) instead of holding it.
 */
export function openPool({ url, max, commit, log }: PoolSettings): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    // Client-side cap on one round trip; the server-side cap below cancels the query itself.
    query_timeout: 15_000,
    keepAlive: true,
    application_name: 'clinic-chat',
    options: `-c synchronous_commit=${SESSION[commit]} -c statement_timeout=10000 -c idle_in_transaction_session_timeout=15000 -c TimeZone=UTC`,
    types,
  });
  // An idle connection the server drops (restart, failover) is reported here; unhandled, it would end the process.
  pool.on('error', (error) => log(`database: idle connection lost: ${error.message}`));
  return pool;
}

export type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

/** Runs `work` in one transaction on one connection; rolled back (and a broken connection dropped) on any error. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    // Only a COMMIT that returned is a commit: if the connection breaks here the caller gets an error, never a success.
    await client.query('COMMIT');
    client.release();
    return result;
  } catch (error) {
    try {
      await client.query('ROLLBACK');
      client.release();
    } catch (rollbackError) {
      client.release(rollbackError as Error);
    }
    throw error;
  }
}
