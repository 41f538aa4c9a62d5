import { z } from 'zod';
import { STAFF_ROLES, type StaffRole } from '../api/contract.ts';
import { STAFF_PASSWORD } from '../api/limits.ts';
import { text } from './parse.ts';

const email = text(3, 254).transform((s) => s.toLowerCase()).refine((s) => /^[^\s@]+@[^\s@]+$/.test(s), { error: 'must be an email address' });

export const loginSchema = z.object({
  email,
  // Not trimmed: spaces are part of a password.
  password: z
    .string({ error: (issue) => (issue.input === undefined ? 'required' : 'must be text') })
    .min(1, { error: 'required' })
    .max(STAFF_PASSWORD.maxLength, { error: `must be at most ${STAFF_PASSWORD.maxLength} characters` }),
  code: z
    .string({ error: 'must be the 6-digit code as text' })
    .transform((s) => s.replace(/\s/g, ''))
    .optional(),
});

export const staffEmail = email;

export const staffRole = z.enum(STAFF_ROLES as [StaffRole, ...StaffRole[]], { error: 'must be frontdesk, editor or admin' });

/** The reason a new password is refused, or `null` when it is acceptable. */
export function passwordProblem(password: string): string | null {
  const length = [...password].length;
  if (length < STAFF_PASSWORD.minLength) return `must be at least ${STAFF_PASSWORD.minLength} characters`;
  if (length > STAFF_PASSWORD.maxLength) return `must be at most ${STAFF_PASSWORD.maxLength} characters`;
  return null;
}
