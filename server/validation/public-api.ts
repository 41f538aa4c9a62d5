import { z } from 'zod';
import { text } from './parse.ts';

export const askSchema = z.object({ question: text(1, 500, { multiline: true }) });

export const feedbackSchema = z.object({
  entryId: z.string({ error: (issue) => (issue.input === undefined ? 'required' : 'must be text') }).max(200),
  helpful: z.boolean({ error: (issue) => (issue.input === undefined ? 'required' : 'must be true or false') }),
});
