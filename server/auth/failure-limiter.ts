import type { Clock } from '../clock.ts';
import type { AccountStore } from '../storage/types.ts';

/** One limit: at most `max` failures per `windowMs` against one key of this kind. */
export interface FailureRule {
  /** Key prefix, e.g. `account` or `address`. */
  kind: string;
  max: number;
  windowMs: number;
}

export interface FailureLimiterOptions {
  store: Pick<AccountStore, 'recordAuthFailure' | 'authFailures' | 'clearAuthFailures'>;
  rules: FailureRule[];
  clock: Clock;
}

/** `kind` -> the value to key on, e.g. `{ account: 'jane@clinic.org', address: '203.0.113.9' }`. */
export type FailureKeys = Record<string, string>;

export interface FailureLimiter {
  /** Seconds until another attempt is allowed, or 0 when one is allowed now. */
  retryAfter(keys: FailureKeys): Promise<number>;
  failed(keys: FailureKeys): Promise<void>;
  /** A success forgives the failures against these kinds only (an address keeps its count). */
  succeeded(keys: FailureKeys, kinds: string[]): Promise<void>;
}

/**
 * Counts failed authentications per key in a sliding window, kept in the
 * database so every replica sees the same count and a restart forgets
 * nothing. Written for staff sign-in, but knows nothing about passwords:
 * a bearer-token guess limiter can use it with its own rules.
 *
 * @example
 * const limiter = createFailureLimiter({ store, clock, rules: [{ kind: 'account', max: 5, windowMs: 15 * 60_000 }] });
 * const wait = await limiter.retryAfter({ account: email });
 * if (wait > 0) return tooMany(wait);
 */
export function createFailureLimiter({ store, rules, clock }: FailureLimiterOptions): FailureLimiter {
  const keyOf = (rule: FailureRule, keys: FailureKeys) => (keys[rule.kind] === undefined ? null : `${rule.kind}:${keys[rule.kind]}`);
  return {
    async retryAfter(keys) {
      const now = clock.now().getTime();
      let wait = 0;
      for (const rule of rules) {
        const key = keyOf(rule, keys);
        if (key === null) continue;
        // A failure exactly `windowMs` old has left the window.
        const times = await store.authFailures(key, new Date(now - rule.windowMs + 1));
        if (times.length < rule.max) continue;
        // Allowed again once enough of the window's failures have aged out of it.
        const freedAt = times[times.length - rule.max]!.getTime() + rule.windowMs;
        wait = Math.max(wait, 1, Math.ceil((freedAt - now) / 1000));
      }
      return wait;
    },
    async failed(keys) {
      const list = rules.map((r) => keyOf(r, keys)).filter((k): k is string => k !== null);
      await store.recordAuthFailure(list, clock.now());
    },
    async succeeded(keys, kinds) {
      for (const rule of rules) {
        const key = keyOf(rule, keys);
        if (key !== null && kinds.includes(rule.kind)) await store.clearAuthFailures(key);
      }
    },
  };
}
