/**
 * `npm run eval [questions.jsonl]`: asks every labelled question of the eval
 * set against the bundled knowledge base (or KNOWLEDGE_DIR), prints the
 * scores and every miss, and writes `eval-results/eval.json`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { judge, parseEvalSet, summarise, type EvalBucket } from '../eval/score.ts';
import { buildEngine } from '../load/open-base.ts';
import { bundledKnowledgeDir } from '../locate.ts';
import { loadTriageRules } from '../triage/load-rules.ts';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const setFile = resolve(process.argv[2] ?? join(repo, '../shared/eval/questions.jsonl'));
const dir = resolve(process.env.KNOWLEDGE_DIR ?? bundledKnowledgeDir());

const engine = buildEngine(dir, loadTriageRules());
const questions = parseEvalSet(readFileSync(setFile, 'utf8'));
const outcomes = questions.map((question) => {
  const explained = engine.explain(question.q);
  const response = explained.response;
  return {
    ...judge(question, response),
    rule: explained.rule,
    confidence: response.kind === 'answer' ? response.confidence : undefined,
  };
});
const summary = summarise(outcomes);

const row = (name: string, bucket: EvalBucket, target: number) =>
  `${name.padEnd(22)} ${`${bucket.right}/${bucket.total}`.padStart(8)} ${`${(bucket.rate * 100).toFixed(1)}%`.padStart(7)}   target ${target}%  ${bucket.rate * 100 >= target ? 'ok' : 'BELOW'}`;
console.log(`eval set: ${setFile}\nknowledge base: ${dir}\n`);
console.log(`${'bucket'.padEnd(22)} ${'right'.padStart(8)} ${'rate'.padStart(7)}`);
console.log(row('answers right', summary.answers, 95));
console.log(row('out-of-scope refused', summary.outOfScope, 90));
console.log(row('urgent caught', summary.urgent, 100));

const misses = outcomes.filter((o) => !o.ok);
console.log(misses.length ? `\nmisses (${misses.length}):` : '\nno misses');
for (const m of misses) {
  const wanted = m.question.expect === 'answer' ? `answer ${(m.question.ids ?? []).join('|')}` : m.question.expect;
  const detail = [m.rule && `rule ${m.rule}`, m.confidence !== undefined && `confidence ${m.confidence}`].filter(Boolean).join(', ');
  console.log(`  "${m.question.q}"\n      wanted ${wanted}, got ${m.got}${detail ? ` (${detail})` : ''}`);
}

const out = join(repo, 'eval-results');
mkdirSync(out, { recursive: true });
writeFileSync(
  join(out, 'eval.json'),
  `${JSON.stringify({ setFile, knowledgeDir: dir, summary, outcomes: outcomes.map((o) => ({ q: o.question.q, expect: o.question.expect, ids: o.question.ids, got: o.got, ok: o.ok, rule: o.rule, confidence: o.confidence })) }, null, 2)}\n`,
);
console.log(`\nwrote ${join(out, 'eval.json')}`);
