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
/**
 * Invisible format characters: zero-width spaces, byte-order marks, and the
 * direction overrides and isolates that make text display reversed in the
 * staff page. Zero-width joiners (U+200C, U+200D) stay: emoji and some
 * scripts need them between visible characters.
 */
const INVISIBLE = /(?![\u200c\u200d])\p{Cf}/gu;
/** Something a person can read: a letter, digit, symbol or punctuation mark. */
const VISIBLE = /[\p{L}\p{N}\p{S}\p{P}]/u;

/** Characters as people count them (code points, so an emoji is one). */
const length = (s: string) => [...s].length;

/**
 * A trimmed string of `min`-`max` characters without control characters
 * (line breaks and tabs allowed when `multiline`). Invisible format
 * characters are dropped first, so what staff see is what was stored; a
 * value left with nothing visible counts as empty.
 */
export function text(min: number, max: number, { multiline = false } = {}) {
  const range = min > 0 ? `must be ${min} to ${max} characters` : `must be at most ${max} characters`;
  return z
    .string({ error: (issue) => (issue.input === undefined ? 'required' : 'must be text') })
    .max(max * 4, { error: range })
    .transform((s) => s.replace(INVISIBLE, '').trim())
    .transform((s) => (VISIBLE.test(s) ? s : ''))
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
