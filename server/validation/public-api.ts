import { z } from 'zod';
import { LANGS } from '../../knowledge/index.ts';
import { text } from './parse.ts';

const lang = z.enum(LANGS, { error: () => `must be one of ${LANGS.join(', ')}` });

export const askSchema = z.object({ question: text(1, 500, { multiline: true }), lang: lang.optional() });

export const feedbackSchema = z.object({
  entryId: z.string({ error: (issue) => (issue.input === undefined ? 'required' : 'must be text') }).max(200),
  helpful: z.boolean({ error: (issue) => (issue.input === undefined ? 'required' : 'must be true or false') }),
});
