/**
 * `npm run eval [FILE]`: asks every labelled question of one eval set
 * (default `knowledge/eval/questions.jsonl`) against the bundled knowledge
 * base (or KNOWLEDGE_DIR), prints the scores and every miss with the
 * engine's one-line reason, and writes `eval-results/eval.json`.
 *
 * `npm run eval -- --all`: one row per set in `knowledge/eval/` (answer sets,
 * then triage suites).
 * `npm run eval -- --fit`: refits the confidence weights on all sets and shows,
 * per set, the score of weights fitted on the OTHER sets only (held out).
 * `npm run eval -- --base DIR QUERIES`: any knowledge base folder and query
 * file (a public FAQ set, say), scored as right / "I don't know" / wrong
 * beside a plain BM25 (MiniSearch over titles and phrasings) in the same run.
 * Urgent rules come only from DIR's own `urgent.yaml`.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { plainBm25 } from '../eval/baseline.ts';
import { fitConfidence } from '../eval/fit.ts';
import { rescore, runSet, type ExplainedOutcome } from '../eval/run-set.ts';
import { parseEvalSet, summarise, type EvalBucket, type EvalSummary } from '../eval/score.ts';
import { buildEngine } from '../load/open-base.ts';
import { readKnowledgeBase } from '../load/read-base.ts';
import { bundledKnowledgeDir } from '../locate.ts';
import { CONFIDENCE_WEIGHTS } from '../match/confidence.ts';
import { loadTriageRules } from '../triage/load-rules.ts';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const setsDir = join(repo, 'knowledge/eval');
const defaultSet = join(setsDir, 'questions.jsonl');
const args = process.argv.slice(2);

const pct = (rate: number) => `${(rate * 100).toFixed(1)}%`;
const cell = (b: EvalBucket) => (b.total === 0 ? '-'.padStart(15) : `${`${b.right}/${b.total}`.padStart(8)} ${pct(b.rate).padStart(6)}`);

if (args[0] === '--base') {
  const [, baseDir, queryFile] = args;
  if (!baseDir || !queryFile) {
    console.error('usage: npm run eval -- --base DIR QUERIES.jsonl');
    process.exit(2);
  }
  scoreBase(resolve(baseDir), resolve(queryFile));
} else {
  const dir = resolve(process.env.KNOWLEDGE_DIR ?? bundledKnowledgeDir());
  const engine = buildEngine(dir, { fallbackUrgent: loadTriageRules() });
  const run = (file: string): ExplainedOutcome[] => runSet(engine, parseEvalSet(readFileSync(file, 'utf8')));
  if (args.includes('--all') || args.includes('--fit')) allSets(dir, run);
  else oneSet(dir, resolve(args[0] ?? defaultSet), run);
}

function allSets(dir: string, run: (file: string) => ExplainedOutcome[]) {
  const files = readdirSync(setsDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => join(setsDir, f));
  const sets = files.map((file) => ({ name: relative(setsDir, file), outcomes: run(file) }));
  // A triage suite has ordinary lines (urgent words that must not alarm); anything else is an answer set.
  const triageSets = sets.filter((s) => s.outcomes.some((o) => o.question.expect === 'ordinary') && !s.outcomes.some((o) => o.question.expect === 'answer'));
  const answerSets = sets.filter((s) => !triageSets.includes(s));
  const head = `${'set'.padEnd(38)} ${'answers right'.padStart(15)}   ${'out-of-scope'.padStart(15)}   ${'urgent caught'.padStart(15)}   wrong  other language`;
  const row = (name: string, s: EvalSummary) =>
    `${name.padEnd(38)} ${cell(s.answers)}   ${cell(s.outOfScope)}   ${cell(s.urgent)}   ${String(s.wrongAnswers).padStart(5)}  ${String(s.wrongLanguage).padStart(5)}`;
  console.log(`knowledge base: ${dir}\ntargets: answers >= 95%, out-of-scope >= 95%, urgent 100%; triage: ordinary kept out >= 95%\n\n${head}`);
  for (const set of answerSets) console.log(row(set.name, summarise(set.outcomes)));
  if (triageSets.length > 0) {
    console.log(`\n${'triage suite'.padEnd(38)} ${'urgent caught'.padStart(15)}   ${'ordinary kept'.padStart(15)}   answered from FAQ   unsure`);
    for (const set of triageSets) {
      const s = summarise(set.outcomes);
      console.log(`${set.name.padEnd(38)} ${cell(s.urgent)}   ${cell(s.ordinary)}   ${String(s.urgentAnswered).padStart(5)}             ${String(s.unsure).padStart(5)}`);
    }
  }
  if (args.includes('--fit')) {
    const rowsOf = (outcomes: ExplainedOutcome[]) => outcomes.flatMap((o) => (o.row ? [o.row] : []));
    const fitted = fitConfidence(answerSets.flatMap((s) => rowsOf(s.outcomes)));
    console.log(`\ncurrent weights: ${JSON.stringify(CONFIDENCE_WEIGHTS)}\nfitted on all:   ${JSON.stringify(fitted)}`);
    console.log(`\nheld out: each set scored with weights fitted on the other sets only\n${head}`);
    for (const set of answerSets) {
      const others = fitConfidence(answerSets.filter((s) => s !== set).flatMap((s) => rowsOf(s.outcomes)));
      console.log(row(set.name, rescore(set.outcomes, others)));
    }
  }
}

function oneSet(dir: string, setFile: string, run: (file: string) => ExplainedOutcome[]) {
  const outcomes = run(setFile);
  const summary = summarise(outcomes);
  const line = (name: string, bucket: EvalBucket, target: number) =>
    bucket.total === 0
      ? undefined
      : `${name.padEnd(22)} ${`${bucket.right}/${bucket.total}`.padStart(8)} ${pct(bucket.rate).padStart(7)}   target ${target}%  ${bucket.rate * 100 >= target ? 'ok' : 'BELOW'}`;
  console.log(`eval set: ${setFile}\nknowledge base: ${dir}\n`);
  console.log(`${'bucket'.padEnd(22)} ${'right'.padStart(8)} ${'rate'.padStart(7)}`);
  for (const l of [
    line('answers right', summary.answers, 95),
    line('out-of-scope refused', summary.outOfScope, 95),
    line('urgent caught', summary.urgent, 100),
    line('ordinary kept out', summary.ordinary, 95),
  ]) {
    if (l) console.log(l);
  }
  console.log(`wrong answers: ${summary.wrongAnswers}; urgent answered from the FAQ: ${summary.urgentAnswered}; replies in another language: ${summary.wrongLanguage}; unsure tier: ${summary.unsure}`);

  const misses = outcomes.filter((o) => !o.ok);
  console.log(misses.length ? `\nmisses (${misses.length}):` : '\nno misses');
  for (const m of misses) {
    const wanted = m.question.expect === 'answer' ? `answer ${(m.question.ids ?? []).join('|')}` : m.question.expect;
    console.log(`  "${m.question.q}"\n      wanted ${wanted}, got ${m.got}: ${m.summary}`);
  }

  const out = join(repo, 'eval-results');
  mkdirSync(out, { recursive: true });
  writeFileSync(
    join(out, 'eval.json'),
    `${JSON.stringify({ setFile, knowledgeDir: dir, summary, outcomes: outcomes.map((o) => ({ q: o.question.q, expect: o.question.expect, ids: o.question.ids, got: o.got, ok: o.ok, rule: o.rule, confidence: o.confidence, why: o.summary })) }, null, 2)}\n`,
  );
  console.log(`\nwrote ${join(out, 'eval.json')}`);
}

function scoreBase(dir: string, queryFile: string) {
  const read = readKnowledgeBase(dir);
  if (!read.base) throw new Error(`${dir}: not a valid knowledge base (run kb:check)`);
  const engine = buildEngine(dir);
  const questions = parseEvalSet(readFileSync(queryFile, 'utf8'));
  const outcomes = runSet(engine, questions);
  const right = outcomes.filter((o) => o.ok).length;
  const dontKnow = outcomes.filter((o) => ['not-found', 'refused', 'small-talk', 'urgent', 'unsure'].includes(o.got)).length;
  const wrong = outcomes.length - right - dontKnow;
  // The top candidate of the chosen (or whole) reading, whatever the confidence: what calibration works with.
  const topRight = outcomes.filter((o) => o.row?.right).length;
  const bm25 = plainBm25(read.base.entries);
  const bm25Right = questions.filter((q) => (q.ids ?? []).includes(bm25(q.q) ?? '')).length;
  const n = outcomes.length;
  console.log(`knowledge base: ${dir} (${read.base.entries.length} entries)\nqueries: ${queryFile} (${n})\n`);
  console.log(`engine:      ${right} right (${pct(right / n)}), ${dontKnow} "I don't know" (${pct(dontKnow / n)}), ${wrong} wrong (${pct(wrong / n)})`);
  console.log(`engine top:  ${topRight} right (${pct(topRight / n)}) if it always answered its top entry`);
  console.log(`plain BM25:  ${bm25Right} right (${pct(bm25Right / n)}), always answers`);
  console.log(`engine right / BM25 right: ${(right / Math.max(1, bm25Right)).toFixed(2)} (target >= 0.8, wrong <= 10%)`);
  console.log(`\n${basename(queryFile)}: answered ${n - dontKnow}, precision ${pct(right / Math.max(1, n - dontKnow))}`);
}
