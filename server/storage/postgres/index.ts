import type { Storage } from '../types.ts';
import { pgAccounts } from './accounts.ts';
import { pgAnalytics } from './analytics.ts';
import { pgAudit } from './audit.ts';
import { pgCallbacks } from './callbacks.ts';
import { pgLimits } from './limits.ts';
import { listen } from './listen.ts';
import { migrate } from './migrations.ts';
import { pgOutbox } from './outbox.ts';
import { inTransaction, openPool } from './pool.ts';
import { pgRevisions, REVISIONS_CHANNEL } from './revisions.ts';
import { asUnavailable, databaseProblem, translateFaults } from './unavailable.ts';

/** `work`, or a timeout error after `ms` (the query itself is left to its own timeouts). */
function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms: timeout`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

export interface PostgresStorageOptions {
  /** How long a claimed webhook delivery stays with this process; see PgOutboxOptions. Default 60 s. */
  outboxLeaseMs?: number;
  /** Most durable connections per process. Default 10. */
  maxConnections?: number;
  /** Operational messages (never row contents). Default stderr. */
  log?: (message: string) => void;
}

/**
 * Storage in the PostgreSQL database at `url` (`postgres://…`), shared by
 * any number of replicas; the schema is migrated on open, one replica at a
 * time. Throws (with the reason) when the database cannot be reached.
 *
 * @example
 * const storage = await openPostgresStorage('postgres://chat@db:5432/clinic_chat');
 */
export async function openPostgresStorage(url: string, options: PostgresStorageOptions = {}): Promise<Storage> {
  const log = options.log ?? ((m: string) => console.error(m));
  const pool = openPool({ url, max: options.maxConnections ?? 10, commit: 'durable', log });
  const relaxed = openPool({ url, max: 4, commit: 'relaxed', log });
  const closePools = () => Promise.all([pool.end(), relaxed.end()]);
  try {
    await migrate(pool);
  } catch (error) {
    await closePools();
    const reason = databaseProblem(error);
    throw reason === null ? error : new Error(`DATABASE_URL: ${reason} (${(error as Error).message})`, { cause: error });
  }
  const listeners = new Set<() => Promise<void>>();

  const store: Omit<Storage, 'health' | 'watchRevisions'> = translateFaults({
    ...pgCallbacks(pool),
    ...pgOutbox(pool, { leaseMs: options.outboxLeaseMs ?? 60_000 }),
    ...pgAnalytics({ pool, relaxed }),
    ...pgAccounts(pool),
    ...pgAudit(pool),
    ...pgRevisions(pool),
    ...pgLimits(relaxed),
    deleteOlderThan: (cutoff: Date) =>
      inTransaction(pool, async (db) => ({
        callbacks: (await db.query(`DELETE FROM callbacks WHERE created_at < $1`, [cutoff.toISOString()])).rowCount ?? 0,
        unanswered: (await db.query(`DELETE FROM unanswered WHERE asked_at < $1`, [cutoff.toISOString()])).rowCount ?? 0,
      })),
    async close() {
      await Promise.all([...listeners].map((stop) => stop()));
      await closePools();
    },
  });

  return {
    ...store,
    // A round trip on a pooled connection, bounded in time: no write, so a load balancer may ask every second.
    async health() {
      try {
        const { rows } = await withTimeout(pool.query<{ standby: boolean }>('SELECT pg_is_in_recovery() AS standby'), 2_000);
        return rows[0]!.standby ? { ok: false, reason: 'the database is read-only (a standby)' } : { ok: true };
      } catch (error) {
        const unavailable = asUnavailable(error);
        return { ok: false, reason: unavailable instanceof Error && 'reason' in unavailable ? String(unavailable.reason) : 'the database cannot be read' };
      }
    },
    watchRevisions(onChange) {
      const stop = listen({ url, channel: REVISIONS_CHANNEL, onChange, log });
      listeners.add(stop);
      return async () => {
        listeners.delete(stop);
        await stop();
      };
    },
  };
}
