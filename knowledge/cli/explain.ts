/**
 * `npm run explain -- "question"`: why the engine decides what it decides for
 * one question, against the bundled knowledge base (or KNOWLEDGE_DIR): the
 * decision, then what every stage saw (words fixed, lay terms, triage and
 * out-of-scope rules, candidates with their signals, readings). `--json`
 * prints the same as JSON; `--lang=es` gives the interface language hint.
 */
import { resolve } from 'node:path';
import { bundledKnowledgeDir } from '../locate.ts';
import { buildEngine } from '../load/open-base.ts';
import { formatExplanation } from '../explain/format.ts';
import { LANGS } from '../language/types.ts';
import { loadTriageRules } from '../triage/load-rules.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
const langArg = args.find((a) => a.startsWith('--lang='))?.slice('--lang='.length);
const hint = LANGS.find((l) => l === langArg);
const question = args.filter((a) => a !== '--json' && !a.startsWith('--lang=')).join(' ').trim();
if (!question) {
  console.error('usage: npm run explain -- "a visitor question" [--json]');
  process.exit(2);
}
const engine = buildEngine(resolve(process.env.KNOWLEDGE_DIR ?? bundledKnowledgeDir()), { fallbackUrgent: loadTriageRules() });
const explanation = engine.explain(question, hint);
console.log(json ? JSON.stringify(explanation.trace, null, 2) : formatExplanation(explanation));
