/** One thing wrong with a knowledge base folder, precise enough for staff to fix it. */
export interface KnowledgeProblem {
  file: string;
  field?: string;
  reason: string;
}

/** `<file>: <field>: <reason>`, or `<file>: <reason>` when no field applies. */
export function formatProblem(problem: KnowledgeProblem): string {
  return problem.field
    ? `${problem.file}: ${problem.field}: ${problem.reason}`
    : `${problem.file}: ${problem.reason}`;
}

/** Thrown when a knowledge base cannot be served; `message` lists every problem, one per line. */
export class KnowledgeBaseError extends Error {
  readonly problems: KnowledgeProblem[];

  constructor(problems: KnowledgeProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'KnowledgeBaseError';
    this.problems = problems;
  }
}
