import type { z } from 'zod';
import type { KnowledgeProblem } from '../problems.ts';

/** Turns zod issues into problems naming the file and the dotted field path. */
export function zodProblems(file: string, error: z.ZodError, prefix: readonly PropertyKey[] = []): KnowledgeProblem[] {
  return error.issues.map((issue) => {
    const path = [...prefix, ...issue.path].map(String).join('.');
    const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
    return { file, field: path || undefined, reason: missing ? 'is required' : issue.message };
  });
}
