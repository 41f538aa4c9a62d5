import { readKnowledgeBase } from '../../knowledge/load/read-base.ts';
import { buildEngine } from '../../knowledge/load/open-base.ts';
import { plainBm25 } from '../../knowledge/eval/baseline.ts';
import { loadTriageRules } from '../../knowledge/triage/load-rules.ts';
import { seededRandom, withTypo } from './random.ts';

export interface EngineCpuResult {
  name: string;
  /** Mean CPU per question over every timed round, in microseconds. */
  microsPerQuestion: number;
}

/**
 * Engine CPU per question on one knowledge base: the whole `decide` (language
 * detection, triage, out-of-scope, ranking, readings) beside a plain
 * MiniSearch BM25 search over the same entries and questions, in the same
 * run, as the floor. Per-question times are tens of microseconds, so each
 * round times the whole question list at once, in process CPU time (the
 * machine is shared: waiting for a core is not the engine's cost), and the
 * best round counts.
 */
export function measureEngineCpu(dir: string, questions: readonly string[], rounds: number): EngineCpuResult[] {
  const { base } = readKnowledgeBase(dir);
  if (!base) throw new Error(`${dir}: knowledge base problems (npm run kb:check)`);
  const engine = buildEngine(dir, { fallbackUrgent: loadTriageRules() });
  const bm25 = plainBm25(base.entries);
  const rand = seededRandom(5);
  const asked = questions.map((q, i) => (i % 2 ? withTypo(q, rand) : q));
  const time = (run: (q: string) => unknown) => {
    for (const q of asked) run(q); // warm the JIT and the typo cache, as a running server is
    let best = Infinity;
    for (let r = 0; r < rounds; r++) {
      const started = process.cpuUsage();
      for (const q of asked) run(q);
      const used = process.cpuUsage(started);
      best = Math.min(best, used.user + used.system);
    }
    return best / asked.length;
  };
  return [
    { name: 'plain BM25 (MiniSearch search, no triage or typos)', microsPerQuestion: time(bm25) },
    { name: 'engine decide (triage, out-of-scope, typos, ranking, readings)', microsPerQuestion: time((q) => engine.decide(q)) },
  ];
}
