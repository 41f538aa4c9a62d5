import { z } from 'zod';
import { SHARED_QUESTIONS } from '../api/limits.ts';
import { optionalText, text } from './parse.ts';

/** Keeps digits and a leading `+`; drops the spaces, dashes, dots and brackets people type. */
export function normalizePhone(raw: string): string {
  return raw.trim().replace(/[\s().\-/]/g, '');
}

export const callbackSchema = z.object({
  name: text(1, 100),
  phone: z
    .string({ error: (issue) => (issue.input === undefined ? 'required' : 'must be text') })
    .max(40, { error: 'must be a phone number with 7 to 15 digits' })
    .transform(normalizePhone)
    .refine((p) => /^\+?\d{7,15}$/.test(p), { error: 'must be a phone number with 7 to 15 digits' }),
  preferredTime: optionalText(100),
  message: optionalText(500, { multiline: true }),
  consent: z.literal(true, { error: 'must be true: we only call back with your consent' }),
  lang: z
    .enum(['en', 'es'], { error: 'must be en or es' })
    .nullish()
    .transform((l) => l ?? null),
  // Present only when the visitor ticked "share my questions with the clinic".
  questions: z
    .array(text(1, SHARED_QUESTIONS.maxLength, { multiline: true }), { error: 'must be a list of questions' })
    .max(SHARED_QUESTIONS.maxCount, { error: `at most ${SHARED_QUESTIONS.maxCount} questions` })
    .nullish()
    .transform((q) => (q && q.length > 0 ? q : null)),
});

export type ValidCallback = z.output<typeof callbackSchema>;

/** True when the hidden `website` field (invisible to people) was filled in, i.e. a bot. */
export function isHoneypotFilled(body: Record<string, unknown>): boolean {
  const value = body.website;
  return value !== undefined && value !== null && value !== '' && value !== false;
}
