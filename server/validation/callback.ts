import { z } from 'zod';
import { FIELD_LIMITS, SHARED_QUESTIONS } from '../api/limits.ts';
import { foldText } from '../fold-text.ts';
import { optionalText, text } from './parse.ts';

/** Keeps digits (in any script, as 0-9) and a leading `+`; drops the spaces, dashes, dots and brackets people type. */
export function normalizePhone(raw: string): string {
  return foldText(raw).trim().replace(/[\s().\-/]/g, '');
}

export const callbackSchema = z.object({
  name: text(1, FIELD_LIMITS.name),
  phone: z
    .string({ error: (issue) => (issue.input === undefined ? 'required' : 'must be text') })
    .max(FIELD_LIMITS.phone, { error: 'must be a phone number with 7 to 15 digits' })
    .transform(normalizePhone)
    .refine((p) => /^\+?\d{7,15}$/.test(p), { error: 'must be a phone number with 7 to 15 digits' }),
  preferredTime: optionalText(FIELD_LIMITS.preferredTime),
  message: optionalText(FIELD_LIMITS.message, { multiline: true }),
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
