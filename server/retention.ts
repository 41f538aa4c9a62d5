import type { Clock } from './clock.ts';
import type { PurgeResult, Storage } from './storage/types.ts';

export interface RetentionOptions {
  storage: Pick<Storage, 'deleteOlderThan' | 'purgeAudit' | 'deleteSessionsIdleSince' | 'deleteAuthFailuresBefore' | 'deleteLimitsBefore'>;
  /** Callback requests and unanswered wording are deleted after this many days. */
  days: number;
  /** Audit entries are kept this many days. Default 2192 (6 years, HIPAA's documentation period). */
  auditDays?: number;
  clock: Clock;
  /** Default hourly. */
  intervalMs?: number;
  log?: (message: string) => void;
}

export interface RetentionResult extends PurgeResult {
  audit: number;
}

export interface Retention {
  /** Deletes everything past the retention period now. */
  purge(): Promise<RetentionResult>;
  stop(): void;
}

const DAY_MS = 86_400_000;
export const AUDIT_DAYS_DEFAULT = 2192;

/**
 * Deletes callback requests and unanswered-question wording older than `days`,
 * and audit entries older than `auditDays`, once at start and then every
 * `intervalMs`: personal data is kept no longer than the clinic needs it.
 * Also sweeps ended sessions, old failed sign-ins and ended rate-limit windows.
 */
export function startRetention(options: RetentionOptions): Retention {
  const { storage, days, clock } = options;
  const auditDays = options.auditDays ?? AUDIT_DAYS_DEFAULT;
  const log = options.log ?? ((m: string) => console.error(m));
  const purge = async (): Promise<RetentionResult> => {
    const now = clock.now();
    const result = await storage.deleteOlderThan(new Date(now.getTime() - days * DAY_MS));
    const audit = await storage.purgeAudit(auditDays, now);
    // Sessions end after 15 idle minutes anyway; a day's grace keeps this sweep trivially safe.
    await storage.deleteSessionsIdleSince(new Date(now.getTime() - DAY_MS));
    await storage.deleteAuthFailuresBefore(new Date(now.getTime() - DAY_MS));
    // Rate-limit windows are at most 10 minutes long; an hour's grace keeps late releases harmless.
    await storage.deleteLimitsBefore(new Date(now.getTime() - 3_600_000));
    if (result.callbacks + result.unanswered > 0) {
      log(`retention: deleted ${result.callbacks} callbacks and ${result.unanswered} questions older than ${days} days`);
    }
    if (audit > 0) log(`retention: deleted ${audit} audit entries older than ${auditDays} days`);
    return { ...result, audit };
  };
  const tick = () =>
    purge().catch((error: Error) => log(`retention: purge failed: ${error.message}`));
  void tick();
  const timer = setInterval(tick, options.intervalMs ?? 3_600_000).unref();
  return { purge, stop: () => clearInterval(timer) };
}
