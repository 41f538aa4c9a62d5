/**
 * `npm run kb:check [folder]`: validates a knowledge base folder (default:
 * KNOWLEDGE_DIR, else the bundled one), each translation in it (`es/`) and
 * the urgent triage rules. Prints every problem as `<file>: <field>:
 * <reason>` and exits 1, or prints one summary line per language, with the
 * entries a translation still lacks, and exits 0.
 */
import { resolve } from 'node:path';
import type { Lang } from '../language/types.ts';
import { readKnowledgeFolder } from '../load/read-folder.ts';
import type { KnowledgeBase } from '../load/read-base.ts';
import { bundledKnowledgeDir } from '../locate.ts';
import { formatProblem, KnowledgeBaseError, type KnowledgeProblem } from '../problems.ts';
import { loadTriageRules } from '../triage/load-rules.ts';

const dir = resolve(process.argv[2] ?? process.env.KNOWLEDGE_DIR ?? bundledKnowledgeDir());
const problems: KnowledgeProblem[] = [];
let bundledRules = 0;
try {
  bundledRules = loadTriageRules().rules.length;
} catch (error) {
  if (!(error instanceof KnowledgeBaseError)) throw error;
  problems.push(...error.problems);
}
const result = readKnowledgeFolder(dir);
problems.push(...result.problems);

if (problems.length > 0) {
  console.error(`${dir}: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
  for (const problem of problems) console.error(formatProblem(problem));
  process.exit(1);
}
const { bases, missing } = result.folder!;
console.log(`${dir}: ok.`);
for (const [lang, base] of Object.entries(bases) as [Lang, KnowledgeBase][]) {
  const urgent = base.urgent ? `${base.urgent.rules.length} urgent rules of its own` : lang === 'en' ? `${bundledRules} bundled urgent rules` : "the main folder's urgent rules";
  console.log(
    `  ${lang}: ${base.entries.length} entries, ${base.entries.reduce((n, e) => n + e.questions.length, 0)} alternate phrasings, ` +
      `${Object.keys(base.layTerms.synonyms).length} lay terms, ${base.outOfScope?.rules.length ?? 0} out-of-scope rules, ${urgent}.`,
  );
  const lacking = missing[lang];
  if (lacking?.length) console.log(`      missing a translation (not answered in this language yet): ${lacking.join(', ')}`);
}
