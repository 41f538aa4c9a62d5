import type pg from 'pg';
import { randomUUID } from 'node:crypto';
import type { StaffAccountSummary } from '../../api/contract.ts';
import type { AccountStore, StaffAccount } from '../types.ts';
import { inTransaction } from './pool.ts';

const ACCOUNT = `a.id, a.email, a.role, a.password_hash AS "passwordHash", a.totp_secret AS "totpSecret", a.created_at AS "createdAt"`;

/** Staff accounts and sessions in PostgreSQL: a session opened on one replica is valid on all. Emails match case-insensitively. */
export function pgAccounts(pool: pg.Pool): AccountStore {
  const iso = (d: Date) => d.toISOString();
  return {
    // A reset is a new password: sessions opened with the old one end with it.
    saveAccount: ({ email, role, passwordHash, at }) =>
      inTransaction(pool, async (db) => {
        const { rows } = await db.query<{ id: string; created: boolean }>(
          `INSERT INTO accounts (id, email, role, password_hash, created_at, password_changed_at) VALUES ($1, $2, $3, $4, $5, $5)
           ON CONFLICT ((lower(email))) DO UPDATE SET role = EXCLUDED.role, password_hash = EXCLUDED.password_hash,
             password_changed_at = EXCLUDED.password_changed_at
           RETURNING id, (xmax = 0) AS created`,
          [randomUUID(), email, role, passwordHash, iso(at)],
        );
        const { id, created } = rows[0]!;
        if (!created) await db.query(`DELETE FROM sessions WHERE account_id = $1`, [id]);
        return { created };
      }),
    async findAccount(email) {
      const { rows } = await pool.query<StaffAccount>(`SELECT ${ACCOUNT} FROM accounts a WHERE lower(a.email) = lower($1)`, [email]);
      return rows[0] ?? null;
    },
    async listAccounts() {
      const { rows } = await pool.query<StaffAccountSummary>(
        `SELECT email, role, totp_secret IS NOT NULL AS totp, created_at AS "createdAt" FROM accounts ORDER BY lower(email)`,
      );
      return rows;
    },
    async removeAccount(email) {
      // Sessions go with it (ON DELETE CASCADE), so the person is signed out everywhere at once.
      return ((await pool.query(`DELETE FROM accounts WHERE lower(email) = lower($1)`, [email])).rowCount ?? 0) > 0;
    },
    async setTotpSecret(email, secret) {
      const result = await pool.query(`UPDATE accounts SET totp_secret = $1, totp_last_step = NULL WHERE lower(email) = lower($2)`, [secret, email]);
      return (result.rowCount ?? 0) > 0;
    },
    async useTotpStep(accountId, step) {
      // One statement: two replicas checking the same code at once cannot both accept it.
      const result = await pool.query(
        `UPDATE accounts SET totp_last_step = $1 WHERE id = $2 AND (totp_last_step IS NULL OR totp_last_step < $1)`,
        [step, accountId],
      );
      return (result.rowCount ?? 0) > 0;
    },
    async createSession(tokenHash, accountId, at) {
      await pool.query(`INSERT INTO sessions (token_hash, account_id, created_at, last_seen_at) VALUES ($1, $2, $3, $3)`, [tokenHash, accountId, iso(at)]);
    },
    async findSession(tokenHash) {
      const { rows } = await pool.query<StaffAccount & { sessionCreated: string; lastSeen: string }>(
        `SELECT ${ACCOUNT}, s.created_at AS "sessionCreated", s.last_seen_at AS "lastSeen"
         FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE s.token_hash = $1`,
        [tokenHash],
      );
      if (!rows[0]) return null;
      const { sessionCreated, lastSeen, ...account } = rows[0];
      return { account, createdAt: new Date(sessionCreated), lastSeenAt: new Date(lastSeen) };
    },
    async touchSession(tokenHash, at) {
      await pool.query(`UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2`, [iso(at), tokenHash]);
    },
    async deleteSession(tokenHash) {
      await pool.query(`DELETE FROM sessions WHERE token_hash = $1`, [tokenHash]);
    },
    async deleteSessionsOf(accountId) {
      return (await pool.query(`DELETE FROM sessions WHERE account_id = $1`, [accountId])).rowCount ?? 0;
    },
    async deleteSessionsIdleSince(cutoff) {
      return (await pool.query(`DELETE FROM sessions WHERE last_seen_at < $1`, [iso(cutoff)])).rowCount ?? 0;
    },
    async recordAuthFailure(keys, at) {
      await pool.query(`INSERT INTO auth_failures (key, at) SELECT unnest($1::text[]), $2`, [keys, iso(at)]);
    },
    async authFailures(key, since) {
      const { rows } = await pool.query<{ at: string }>(`SELECT at FROM auth_failures WHERE key = $1 AND at >= $2 ORDER BY at`, [key, iso(since)]);
      return rows.map((r) => new Date(r.at));
    },
    async clearAuthFailures(key) {
      await pool.query(`DELETE FROM auth_failures WHERE key = $1`, [key]);
    },
    async deleteAuthFailuresBefore(cutoff) {
      await pool.query(`DELETE FROM auth_failures WHERE at < $1`, [iso(cutoff)]);
    },
  };
}
