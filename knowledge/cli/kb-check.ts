/**
 * `npm run kb:check [folder]`: validates a knowledge base folder (default:
 * KNOWLEDGE_DIR, else the bundled one) and the urgent triage rules. Prints
 * every problem as `<file>: <field>: <reason>` and exits 1, or prints a short
 * summary and exits 0.
 */
import { resolve } from 'node:path';
import { readKnowledgeBase } from '../load/read-base.ts';
import { bundledKnowledgeDir } from '../locate.ts';
import { formatProblem, KnowledgeBaseError, type KnowledgeProblem } from '../problems.ts';
import { loadTriageRules } from '../triage/load-rules.ts';

const dir = resolve(process.argv[2] ?? process.env.KNOWLEDGE_DIR ?? bundledKnowledgeDir());
const problems: KnowledgeProblem[] = [];
let triageRules = 0;
try {
  triageRules = loadTriageRules().rules.length;
} catch (error) {
  if (!(error instanceof KnowledgeBaseError)) throw error;
  problems.push(...error.problems);
}
const result = readKnowledgeBase(dir);
problems.push(...result.problems);

if (problems.length > 0) {
  console.error(`${dir}: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
  for (const problem of problems) console.error(formatProblem(problem));
  process.exit(1);
}
const base = result.base!;
console.log(
  `${dir}: ok. ${base.entries.length} entries, ${base.entries.reduce((n, e) => n + e.questions.length, 0)} alternate phrasings, ` +
    `${Object.keys(base.layTerms.synonyms).length} lay terms, ${base.outOfScope?.rules.length ?? 0} out-of-scope rules, ${triageRules} urgent triage rules.`,
);
