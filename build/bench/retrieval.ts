import { openKnowledge } from '../../knowledge/index.ts';
import { heapUsed, median, percentile } from './stats.ts';
import { seededRandom, withTypo } from './random.ts';

export interface RetrievalResult {
  name: string;
  entries: number;
  buildMs: number;
  heapMb: number;
  medianMs: number;
  p99Ms: number;
}

/** Opens a knowledge base, then times `ask()` over the questions, half of them with a typo. */
export function measureRetrieval(name: string, dir: string, questions: string[], asks: number): RetrievalResult {
  const heapBefore = heapUsed();
  const started = performance.now();
  const kb = openKnowledge({ dir });
  const buildMs = performance.now() - started;
  const heapMb = (heapUsed() - heapBefore) / 2 ** 20;

  const rand = seededRandom(11);
  const asked = Array.from({ length: asks }, (_, i) => {
    const q = questions[i % questions.length]!;
    return i % 2 ? withTypo(q, rand) : q;
  });
  for (const q of asked.slice(0, Math.min(200, asks))) kb.decide(q); // warm the JIT
  const times = asked.map((q) => {
    const t = performance.now();
    kb.decide(q);
    return performance.now() - t;
  });
  kb.close();
  return { name, entries: kb.entryIds().length, buildMs, heapMb, medianMs: median(times), p99Ms: percentile(times, 99) };
}
