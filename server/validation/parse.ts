import { z } from 'zod';
import { HttpError } from '../http/json-error.ts';

/**
 * Validates `input` against `schema`, or throws a 400 naming each bad field
 * with its first problem: `{"error": "...", "fields": {"phone": "..."}}`.
 */
export function parseOr400<T extends z.ZodType>(schema: T, input: unknown, error = 'invalid request'): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : 'body';
    fields[field] ??= issue.message;
  }
  throw new HttpError(400, { error, fields });
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** Control characters except tab and line breaks. */
const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** Characters as people count them (code points, so an emoji is one). */
const length = (s: string) => [...s].length;

/**
 * A trimmed string of `min`-`max` characters without control characters
 * (line breaks and tabs allowed when `multiline`).
 */
export function text(min: number, max: number, { multiline = false } = {}) {
  const range = min > 0 ? `must be ${min} to ${max} characters` : `must be at most ${max} characters`;
  return z
    .string({ error: (issue) => (issue.input === undefined ? 'required' : 'must be text') })
    .max(max * 4, { error: range })
    .transform((s) => s.trim())
    .refine((s) => length(s) >= min && length(s) <= max, { error: range })
    .refine((s) => !(multiline ? CONTROL_EXCEPT_LINES : CONTROL).test(s), {
      error: 'must not contain control characters',
    });
}

/** An optional text field: missing, null or blank all become `null`. */
export function optionalText(max: number, options: { multiline?: boolean } = {}) {
  return text(0, max, options)
    .nullish()
    .transform((s) => (s ? s : null));
}
