import type { Clock } from './clock.ts';
import type { PurgeResult, Storage } from './storage/types.ts';

export interface RetentionOptions {
  storage: Pick<Storage, 'deleteOlderThan'>;
  days: number;
  clock: Clock;
  /** Default hourly. */
  intervalMs?: number;
  log?: (message: string) => void;
}

export interface Retention {
  /** Deletes everything past the retention period now. */
  purge(): Promise<PurgeResult>;
  stop(): void;
}

/**
 * Deletes callback requests and unanswered-question wording older than `days`,
 * once at start and then every `intervalMs`: personal data is kept no longer
 * than the clinic needs it.
 */
export function startRetention(options: RetentionOptions): Retention {
  const { storage, days, clock } = options;
  const log = options.log ?? ((m: string) => console.error(m));
  const purge = async () => {
    const cutoff = new Date(clock.now().getTime() - days * 86_400_000);
    const result = await storage.deleteOlderThan(cutoff);
    if (result.callbacks + result.unanswered > 0) {
      log(`retention: deleted ${result.callbacks} callbacks and ${result.unanswered} questions older than ${days} days`);
    }
    return result;
  };
  const tick = () =>
    purge().catch((error: Error) => log(`retention: purge failed: ${error.message}`));
  void tick();
  const timer = setInterval(tick, options.intervalMs ?? 3_600_000).unref();
  return { purge, stop: () => clearInterval(timer) };
}
