import type { StaffRole } from '../api/contract.ts';

/** Who is making a staff request: a signed-in person, or a script holding ADMIN_TOKEN. */
export interface Actor {
  /** The account's email, or "ADMIN_TOKEN": what the audit trail records. */
  who: string;
  role: StaffRole;
  /** `null` for the bearer token. */
  accountId: string | null;
  /** The session's token hash, `null` for the bearer token. */
  sessionHash: string | null;
}

export const TOKEN_ACTOR: Actor = { who: 'ADMIN_TOKEN', role: 'admin', accountId: null, sessionHash: null };

/** Hono context variables set by `staffAuth`. */
export interface StaffEnv {
  Variables: { actor: Actor };
}
