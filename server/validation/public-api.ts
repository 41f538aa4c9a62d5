import { z } from 'zod';
import { LANGS } from '../../knowledge/index.ts';
import { FEEDBACK_NOTE_MAX_LENGTH } from '../api/contract.ts';
import { FIELD_LIMITS } from '../api/limits.ts';
import { optionalText, text } from './parse.ts';

const lang = z.enum(LANGS, { error: () => `must be one of ${LANGS.join(', ')}` });

export const askSchema = z.object({ question: text(1, FIELD_LIMITS.question, { multiline: true }), lang: lang.optional() });

export const feedbackSchema = z
  .object({
    entryId: z.string({ error: (issue) => (issue.input === undefined ? 'required' : 'must be text') }).max(200),
    helpful: z.boolean({ error: (issue) => (issue.input === undefined ? 'required' : 'must be true or false') }),
    missing: optionalText(FEEDBACK_NOTE_MAX_LENGTH),
  })
  .refine((f) => !(f.helpful && f.missing), { path: ['missing'], error: 'only goes with helpful: false' });
