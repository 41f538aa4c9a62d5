import { createEngine } from '../../knowledge/engine.ts';
import { english } from '../../knowledge/language/en/index.ts';
import type { KnowledgeEntry } from '../../knowledge/load/read-base.ts';
import { readKnowledgeBase } from '../../knowledge/load/read-base.ts';
import { analyseWords } from '../../knowledge/match/analyse.ts';
import { buildSearchIndex } from '../../knowledge/match/build-index.ts';
import { createRanker, type Ranker } from '../../knowledge/match/rank.ts';
import { createLayTermMapper } from '../../knowledge/text/lay-terms.ts';
import { loadTriageRules } from '../../knowledge/triage/load-rules.ts';
import { generateEntries } from './generate-kb.ts';
import { seededRandom, withTypo } from './random.ts';
import { heapUsed, median, percentile } from './stats.ts';

export interface LargeBaseResult {
  entries: number;
  /** Index plus engine build, on this thread. */
  buildMs: number;
  heapMb: number;
  /** Whole `decide` per question (half with a typo), wall clock. */
  medianMs: number;
  p99Ms: number;
  /** The BM25 ranking alone per question: exhaustive (every posting, the baseline) and max-score pruned. */
  exhaustiveP99Ms: number;
  prunedP99Ms: number;
  exhaustiveMedianMs: number;
  prunedMedianMs: number;
}

/**
 * A synthetic base of `size` entries built in memory (50k is over the
 * folder's entry limit), with the bundled clinic, lay terms and urgent
 * rules: per-question time of the whole engine, and of its BM25 ranking
 * with and without max-score pruning in the same run.
 */
export function measureLargeBase(size: number, bundledDir: string, asks: number): LargeBaseResult {
  const { base } = readKnowledgeBase(bundledDir);
  if (!base) throw new Error(`${bundledDir}: knowledge base problems (npm run kb:check)`);
  const generated = generateEntries(size);
  const entries: KnowledgeEntry[] = generated.entries.map((e) => ({
    id: e.id,
    title: e.title,
    questions: e.questions,
    tags: e.tags,
    related: [],
    sources: [{ title: 'Synthetic source', url: `https://example.org/${e.id}` }],
    reviewed: '2026-11-27',
    text: e.body,
    file: `entries/${e.id}.md`,
  }));
  const layTerms = createLayTermMapper(base.layTerms.synonyms, english);
  const triage = loadTriageRules();
  const heapBefore = heapUsed();
  const started = performance.now();
  const index = buildSearchIndex(entries, layTerms, english);
  const engine = createEngine({ base: { ...base, entries, outOfScope: base.outOfScope, urgent: undefined }, triage, language: english, index });
  const buildMs = performance.now() - started;
  const heapMb = (heapUsed() - heapBefore) / 2 ** 20;

  const rand = seededRandom(11);
  const asked = Array.from({ length: asks }, (_, i) => {
    const q = generated.questions[(i * 7919) % generated.questions.length]!;
    return i % 2 ? withTypo(q, rand) : q;
  });
  const timeEach = (run: (i: number) => unknown) => {
    for (let i = 0; i < Math.min(200, asks); i++) run(i); // warm the JIT
    return asked.map((_, i) => {
      const t = performance.now();
      run(i);
      return performance.now() - t;
    });
  };
  const decideTimes = timeEach((i) => engine.decide(asked[i]!));
  const analysed = asked.map((q) => analyseWords(english.normalise(q), layTerms, english));
  const rankTimes = (ranker: Ranker) => timeEach((i) => ranker.rank(analysed[i]!));
  const exhaustive = rankTimes(createRanker(index, { prune: false }));
  const pruned = rankTimes(createRanker(index));
  return {
    entries: size,
    buildMs,
    heapMb,
    medianMs: median(decideTimes),
    p99Ms: percentile(decideTimes, 99),
    exhaustiveMedianMs: median(exhaustive),
    exhaustiveP99Ms: percentile(exhaustive, 99),
    prunedMedianMs: median(pruned),
    prunedP99Ms: percentile(pruned, 99),
  };
}
