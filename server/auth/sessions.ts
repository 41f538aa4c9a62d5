import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../clock.ts';
import type { AccountStore, StaffAccount } from '../storage/types.ts';

export interface StaffSessionsOptions {
  store: Pick<AccountStore, 'createSession' | 'findSession' | 'touchSession' | 'deleteSession' | 'deleteSessionsOf'>;
  clock: Clock;
  /** Automatic logoff after this long without activity (HIPAA 164.312(a)(2)(iii)). Default 15 minutes. */
  idleMs?: number;
  /** Longest a session lives however active it is. Default 12 hours (one working day). */
  maxAgeMs?: number;
}

export type SessionLookup = { ok: true; account: StaffAccount; hash: string } | { ok: false; reason: 'unknown' | 'idle' | 'expired' };

export interface StaffSessions {
  readonly idleMs: number;
  /** A new session; returns the token for the cookie (only its hash is stored). */
  start(accountId: string): Promise<string>;
  /** `touch: false` for background polling, so an open tab nobody uses still times out. */
  resolve(token: string, touch: boolean): Promise<SessionLookup>;
  end(token: string): Promise<void>;
  /** Signs the account out everywhere. */
  endAll(accountId: string): Promise<void>;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Server-side staff sessions: the cookie carries a random 256-bit token, the
 * database only its SHA-256, so a copy of the database opens no session.
 *
 * @example
 * const sessions = createStaffSessions({ store: storage, clock: systemClock });
 * const token = await sessions.start(account.id);
 */
export function createStaffSessions(options: StaffSessionsOptions): StaffSessions {
  const { store, clock } = options;
  const idleMs = options.idleMs ?? 15 * 60_000;
  const maxAgeMs = options.maxAgeMs ?? 12 * 3_600_000;
  return {
    idleMs,
    async start(accountId) {
      const token = randomBytes(32).toString('base64url');
      await store.createSession(hashToken(token), accountId, clock.now());
      return token;
    },
    async resolve(token, touch) {
      const hash = hashToken(token);
      const session = await store.findSession(hash);
      if (!session) return { ok: false, reason: 'unknown' };
      const now = clock.now().getTime();
      const reason = now - session.lastSeenAt.getTime() > idleMs ? 'idle' : now - session.createdAt.getTime() > maxAgeMs ? 'expired' : null;
      if (reason) {
        await store.deleteSession(hash);
        return { ok: false, reason };
      }
      if (touch) await store.touchSession(hash, clock.now());
      return { ok: true, account: session.account, hash };
    },
    async end(token) {
      await store.deleteSession(hashToken(token));
    },
    async endAll(accountId) {
      await store.deleteSessionsOf(accountId);
    },
  };
}
