import { StorageUnavailableError } from '../errors.ts';

/**
 * What a PostgreSQL (or socket) error says about the database; `null` for
 * errors that are ours (a bug, a constraint), which stay 500s. SQLSTATE
 * classes: 08 connection, 53 out of resources (disk full, too many
 * connections), 57 shut down / cancelled (statement timeout), 58 and XX
 * system errors or damage, 25006 a read-only standby after a failover.
 */
export function databaseProblem(error: unknown): string | null {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : '';
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
    if (code.startsWith('08')) return 'the database connection failed';
    if (code === '53100') return 'the database disk is full';
    if (code.startsWith('53')) return 'the database is out of resources';
    if (code === '57014') return 'the database is too slow to answer';
    if (code.startsWith('57')) return 'the database is shutting down or starting';
    if (code.startsWith('58') || code.startsWith('XX')) return 'the database reported a system error';
    if (code === '25006') return 'the database is read-only (a standby)';
    return null;
  }
  // Errors from the socket or the pool, before or instead of an answer.
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return 'the database cannot be reached';
  if (/connect|terminat|timeout|not queryable|Connection/i.test(message)) return 'the database cannot be reached';
  return null;
}

/** `error` as a StorageUnavailableError when the database is at fault, else unchanged. */
export function asUnavailable(error: unknown): unknown {
  const reason = databaseProblem(error);
  return reason === null ? error : new StorageUnavailableError(reason, { cause: error });
}

/** Every method of `store` with database faults turned into StorageUnavailableError (a 503, never a 201). */
export function translateFaults<T extends object>(store: T): T {
  const wrapped: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(store)) {
    if (typeof value !== 'function') {
      wrapped[name] = value;
    } else if (value.constructor.name === 'AsyncGeneratorFunction') {
      wrapped[name] = async function* (...args: unknown[]) {
        try {
          yield* value(...args);
        } catch (error) {
          throw asUnavailable(error);
        }
      };
    } else {
      wrapped[name] = async (...args: unknown[]) => {
        try {
          return await value(...args);
        } catch (error) {
          throw asUnavailable(error);
        }
      };
    }
  }
  return wrapped as T;
}
