/**
 * `npm run eval [questions.jsonl]`: asks every labelled question of one eval
 * set (default: the shared set) against the bundled knowledge base (or
 * KNOWLEDGE_DIR), prints the scores and every miss, and writes
 * `eval-results/eval.json`.
 *
 * `npm run eval -- --all`: one table row per set (the shared set and every
 * `knowledge/eval/*.jsonl`).
 * `npm run eval -- --fit`: refits the confidence weights on all sets and shows,
 * per set, the score of weights fitted on the OTHER sets only (held out).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fitConfidence } from '../eval/fit.ts';
import { rescore, runSet, type ExplainedOutcome } from '../eval/run-set.ts';
import { parseEvalSet, summarise, type EvalBucket, type EvalSummary } from '../eval/score.ts';
import { buildEngine } from '../load/open-base.ts';
import { bundledKnowledgeDir } from '../locate.ts';
import { CONFIDENCE_WEIGHTS } from '../match/confidence.ts';
import { loadTriageRules } from '../triage/load-rules.ts';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const sharedSet = join(repo, '../shared/eval/questions.jsonl');
const ownSetsDir = join(repo, 'knowledge/eval');
const dir = resolve(process.env.KNOWLEDGE_DIR ?? bundledKnowledgeDir());
const engine = buildEngine(dir, loadTriageRules());
const args = process.argv.slice(2);

const run = (file: string): ExplainedOutcome[] => runSet(engine, parseEvalSet(readFileSync(file, 'utf8')));
const allSets = () => [sharedSet, ...readdirSync(ownSetsDir).filter((f) => f.endsWith('.jsonl')).sort().map((f) => join(ownSetsDir, f))];
const cell = (b: EvalBucket) => `${`${b.right}/${b.total}`.padStart(8)} ${`${(b.rate * 100).toFixed(1)}%`.padStart(6)}`;
const tableRow = (name: string, s: EvalSummary) => `${name.padEnd(26)} ${cell(s.answers)}   ${cell(s.outOfScope)}   ${cell(s.urgent)}`;
const tableHead = `${'set'.padEnd(26)} ${'answers right'.padStart(15)}   ${'out-of-scope'.padStart(15)}   ${'urgent caught'.padStart(15)}`;

if (args.includes('--all') || args.includes('--fit')) {
  const sets = allSets().map((file) => ({ name: basename(file), outcomes: run(file) }));
  console.log(`knowledge base: ${dir}\ntargets: answers >= 95% (shared) / 90% (unseen), out-of-scope >= 90%, urgent 100%\n\n${tableHead}`);
  for (const set of sets) console.log(tableRow(set.name, summarise(set.outcomes)));
  if (args.includes('--fit')) {
    const rowsOf = (outcomes: ExplainedOutcome[]) => outcomes.flatMap((o) => (o.row ? [o.row] : []));
    const fitted = fitConfidence(sets.flatMap((s) => rowsOf(s.outcomes)));
    console.log(`\ncurrent weights: ${JSON.stringify(CONFIDENCE_WEIGHTS)}\nfitted on all:   ${JSON.stringify(fitted)}`);
    console.log(`\nheld out: each set scored with weights fitted on the other sets only\n${tableHead}`);
    for (const set of sets) {
      const others = fitConfidence(sets.filter((s) => s !== set).flatMap((s) => rowsOf(s.outcomes)));
      console.log(tableRow(set.name, rescore(set.outcomes, others)));
    }
  }
} else {
  const setFile = resolve(args[0] ?? sharedSet);
  const outcomes = run(setFile);
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
}
