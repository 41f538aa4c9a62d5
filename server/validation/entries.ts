import { z } from 'zod';
import { staffFieldName } from '../../knowledge/load/staff-wording.ts';
import type { EntryInput, Lang } from '../api/contract.ts';
import { ENTRY_LIMITS } from '../api/limits.ts';
import { HttpError } from '../http/json-error.ts';
import { text } from './parse.ts';

const L = ENTRY_LIMITS;
const kebab = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'may use only lower-case letters, digits and dashes, like driving-after');
const list = <T extends z.ZodType>(item: T, max: number, what: string) =>
  z.array(item, { error: `must be a list of ${what}` }).max(max, { error: `at most ${max} ${what}` });

/** `PUT /api/admin/entries/:id`: the shape; the knowledge base check does the rest. */
export const entryInputSchema = z.object({
  title: text(1, L.titleMax),
  questions: list(text(1, L.questionMax), L.questionsMax, 'alternate phrasings').min(1, { error: 'add at least one alternate phrasing: how a visitor might ask this' }),
  body: text(1, L.bodyMax, { multiline: true }),
  tags: list(text(1, 60), L.tagsMax, 'tags').default([]),
  related: list(kebab, L.relatedMax, 'related answers').default([]),
  sources: list(z.object({ title: text(1, 300), url: z.string().regex(/^https?:\/\/\S+$/, 'must be a web link starting with https://') }), L.sourcesMax, 'sources').min(1, {
    error: 'add at least one source (title and link): every answer says where it comes from',
  }),
}) satisfies z.ZodType<EntryInput, unknown>;

export const entryIdSchema = kebab.max(80, { error: 'at most 80 characters' });

export const phrasingSchema = z.object({ question: text(1, L.questionMax) });

export const explainSchema = z.object({
  question: text(1, 500, { multiline: true }),
  lang: z.enum(['en', 'es'] satisfies Lang[], { error: 'must be en or es' }).optional(),
});

/**
 * Like `parseOr400`, but each field's reason names the position the way
 * staff count (`questions.2` -> "Alternate phrasing 3: must not be empty").
 */
export function parseEntryOr400(input: unknown, id: string): EntryInput {
  const fields: Record<string, string> = {};
  const idCheck = entryIdSchema.safeParse(id);
  if (!idCheck.success) fields.id = `Id: ${idCheck.error.issues[0]!.message}`;
  const result = entryInputSchema.safeParse(input);
  if (result.success && !idCheck.success) throw new HttpError(400, { error: 'please check the highlighted fields', fields });
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const path = issue.path.map(String);
    const field = path[0] ?? 'body';
    const where = path.length > 1 ? `${staffFieldName(path.join('.'))}: ` : '';
    fields[field] ??= `${where}${issue.message === 'required' ? 'is missing' : issue.message}`;
  }
  throw new HttpError(400, { error: 'please check the highlighted fields', fields });
}
