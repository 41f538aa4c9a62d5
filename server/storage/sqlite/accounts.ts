import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { StaffAccountSummary } from '../../api/contract.ts';
import type { AccountStore, StaffAccount } from '../types.ts';

const ACCOUNT = `a.id, a.email, a.role, a.password_hash AS passwordHash, a.totp_secret AS totpSecret, a.created_at AS createdAt`;

export function sqliteAccounts(db: Database.Database): AccountStore {
  const byEmail = db.prepare<[string], StaffAccount>(`SELECT ${ACCOUNT} FROM accounts a WHERE a.email = ?`);
  const insert = db.prepare(
    `INSERT INTO accounts (id, email, role, password_hash, created_at, password_changed_at) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const reset = db.prepare(`UPDATE accounts SET role = ?, password_hash = ?, password_changed_at = ? WHERE id = ?`);
  const list = db.prepare<[], Omit<StaffAccountSummary, 'totp'> & { totp: number }>(
    `SELECT email, role, totp_secret IS NOT NULL AS totp, created_at AS createdAt FROM accounts ORDER BY email`,
  );
  const remove = db.prepare(`DELETE FROM accounts WHERE email = ?`);
  const setTotp = db.prepare(`UPDATE accounts SET totp_secret = ?, totp_last_step = NULL WHERE email = ?`);
  const useStep = db.prepare(
    `UPDATE accounts SET totp_last_step = ? WHERE id = ? AND (totp_last_step IS NULL OR totp_last_step < ?)`,
  );
  const createSession = db.prepare(`INSERT INTO sessions (token_hash, account_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)`);
  const findSession = db.prepare<[string], StaffAccount & { sessionCreated: number; lastSeen: number }>(
    `SELECT ${ACCOUNT}, s.created_at AS sessionCreated, s.last_seen_at AS lastSeen
     FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE s.token_hash = ?`,
  );
  const touch = db.prepare(`UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?`);
  const deleteSession = db.prepare(`DELETE FROM sessions WHERE token_hash = ?`);
  const deleteSessionsOf = db.prepare(`DELETE FROM sessions WHERE account_id = ?`);
  const deleteIdle = db.prepare(`DELETE FROM sessions WHERE last_seen_at < ?`);
  const addFailure = db.prepare(`INSERT INTO auth_failures (key, at) VALUES (?, ?)`);
  const failures = db.prepare<[string, number], { at: number }>(`SELECT at FROM auth_failures WHERE key = ? AND at >= ? ORDER BY at`);
  const clearFailures = db.prepare(`DELETE FROM auth_failures WHERE key = ?`);
  const oldFailures = db.prepare(`DELETE FROM auth_failures WHERE at < ?`);

  // A reset is a new password: sessions opened with the old one end with it.
  const save = db.transaction((email: string, role: string, hash: string, at: string) => {
    const existing = byEmail.get(email);
    if (existing) {
      reset.run(role, hash, at, existing.id);
      deleteSessionsOf.run(existing.id);
      return { created: false };
    }
    insert.run(randomUUID(), email, role, hash, at, at);
    return { created: true };
  });
  const recordFailures = db.transaction((keys: string[], at: number) => {
    for (const key of keys) addFailure.run(key, at);
  });

  return {
    async saveAccount({ email, role, passwordHash, at }) {
      return save.immediate(email, role, passwordHash, at.toISOString());
    },
    async findAccount(email) {
      return byEmail.get(email) ?? null;
    },
    async listAccounts() {
      return list.all().map((a) => ({ ...a, totp: a.totp === 1 }));
    },
    async removeAccount(email) {
      // Sessions go with it (ON DELETE CASCADE), so the person is signed out everywhere at once.
      return remove.run(email).changes > 0;
    },
    async setTotpSecret(email, secret) {
      return setTotp.run(secret, email).changes > 0;
    },
    async useTotpStep(accountId, step) {
      return useStep.run(step, accountId, step).changes > 0;
    },
    async createSession(tokenHash, accountId, at) {
      createSession.run(tokenHash, accountId, at.getTime(), at.getTime());
    },
    async findSession(tokenHash) {
      const row = findSession.get(tokenHash);
      if (!row) return null;
      const { sessionCreated, lastSeen, ...account } = row;
      return { account, createdAt: new Date(sessionCreated), lastSeenAt: new Date(lastSeen) };
    },
    async touchSession(tokenHash, at) {
      touch.run(at.getTime(), tokenHash);
    },
    async deleteSession(tokenHash) {
      deleteSession.run(tokenHash);
    },
    async deleteSessionsOf(accountId) {
      return deleteSessionsOf.run(accountId).changes;
    },
    async deleteSessionsIdleSince(cutoff) {
      return deleteIdle.run(cutoff.getTime()).changes;
    },
    async recordAuthFailure(keys, at) {
      recordFailures(keys, at.getTime());
    },
    async authFailures(key, since) {
      return failures.all(key, since.getTime()).map((r) => new Date(r.at));
    },
    async clearAuthFailures(key) {
      clearFailures.run(key);
    },
    async deleteAuthFailuresBefore(cutoff) {
      oldFailures.run(cutoff.getTime());
    },
  };
}
