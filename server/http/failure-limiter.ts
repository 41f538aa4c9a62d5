import { AUTH_FAILURE_LIMITS } from '../api/limits.ts';
import { FixedWindows } from './fixed-windows.ts';

export interface FailureLimiterOptions {
  /** Failures allowed per key per window; the next attempt is refused. Default AUTH_FAILURE_LIMITS.maxFailures. */
  maxFailures?: number;
  /** Default AUTH_FAILURE_LIMITS.windowMs. */
  windowMs?: number;
  /** Default AUTH_FAILURE_LIMITS.maxKeys. */
  maxKeys?: number;
  /** Clock in ms, for tests. Default Date.now. */
  now?: () => number;
}

/**
 * Counts failed authentications per key (a client address, or an address
 * and account for sign-ins) and says when a key must wait. Check and
 * record are synchronous, so concurrent guesses cannot slip past the count.
 * A blocked key is refused even with the right secret: a different answer
 * would tell a guesser it had found it.
 *
 * @example
 * const failures = new FailureLimiter()
 * const wait = failures.blockedFor(ip)
 * if (wait > 0) return tooMany(wait)
 * if (!passwordMatches) failures.recordFailure(ip)
 */
export class FailureLimiter {
  readonly #maxFailures: number;
  readonly #windows: FixedWindows;

  constructor(options: FailureLimiterOptions = {}) {
    this.#maxFailures = options.maxFailures ?? AUTH_FAILURE_LIMITS.maxFailures;
    this.#windows = new FixedWindows({
      windowMs: options.windowMs ?? AUTH_FAILURE_LIMITS.windowMs,
      maxKeys: options.maxKeys ?? AUTH_FAILURE_LIMITS.maxKeys,
      ...(options.now ? { now: options.now } : {}),
    });
  }

  /** Seconds the key must wait before trying again; 0 when it may try now. */
  blockedFor(key: string): number {
    return this.#windows.count(key) >= this.#maxFailures ? this.#windows.retryAfterSeconds(key) : 0;
  }

  recordFailure(key: string): void {
    this.#windows.current(key).count++;
  }
}
