import { rmSync } from 'node:fs';
import { measureEngineCpu } from './engine-cpu.ts';
import { generateKnowledgeBase } from './generate-kb.ts';
import { measureLargeBase } from './large-bases.ts';
import { questionsFrom } from './questions.ts';
import { measureReloadStall } from './reload-stall.ts';
import { markdownTable } from './table.ts';

type Report = (title: string, table: string, note?: string) => void;

/**
 * The engine's own rows of `npm run bench`: CPU per question on the bundled
 * base, large bases (ranking with and without pruning), and a hot reload's
 * stall. `quick` (CI) keeps each short: few rounds, a 2k base, a 2k reload.
 */
export async function reportEngine(bundledKb: string, quick: boolean, report: Report): Promise<void> {
  const cpu = measureEngineCpu(bundledKb, questionsFrom(bundledKb), quick ? 3 : 20);
  report(
    'Engine CPU per question (bundled base, half with a typo)',
    markdownTable(['what', 'µs per question (CPU)'], cpu.map((r) => [r.name, r.microsPerQuestion])),
    'Best of the rounds, in process CPU time. Before the engine-perf work (Dec 2026) the engine took 120-165 µs on this machine beside 220-300 µs for the MiniSearch row.',
  );

  const sizes = quick ? [2000] : [10_000, 50_000];
  const large = sizes.map((size) => measureLargeBase(size, bundledKb, quick ? 300 : 3000));
  report(
    'Large bases (synthetic entries, built in memory)',
    markdownTable(
      ['entries', 'build ms', 'index + engine heap MB', 'decide median ms', 'decide p99 ms', 'BM25 exhaustive median / p99 ms', 'BM25 pruned median / p99 ms'],
      large.map((r) => [
        r.entries,
        r.buildMs,
        r.heapMb,
        r.medianMs,
        r.p99Ms,
        `${r.exhaustiveMedianMs.toFixed(3)} / ${r.exhaustiveP99Ms.toFixed(3)}`,
        `${r.prunedMedianMs.toFixed(3)} / ${r.prunedP99Ms.toFixed(3)}`,
      ]),
    ),
    'Target: decide p99 ≤ 5 ms at 50k entries. 50k is over the folder limit (20k entries), so these bases are indexed from memory, not read from files. The exhaustive BM25 pass (every posting of every word) is the baseline; the pruned pass returns the same shortlist (knowledge/match/shortlist.test.ts).',
  );

  const reloadSize = quick ? 2000 : 10_000;
  const generated = generateKnowledgeBase(reloadSize, bundledKb);
  try {
    const stall = await measureReloadStall(generated.dir, generated.questions[5]!);
    report(
      `Hot reload of a ${reloadSize.toLocaleString('en-US')}-entry base while questions arrive (one every 5 ms)`,
      markdownTable(
        ['reload', 'reload ms', 'longest wait ms', 'p99 wait ms', 'RSS before MB', 'peak RSS MB'],
        stall.map((r) => [r.name, r.reloadMs, r.worstWaitMs, r.p99WaitMs, r.rssBeforeMb, r.peakRssMb]),
      ),
      'A wait is how late a question got the main thread: what /healthz or /api/ask would wait. The synchronous reload is the fallback when no worker thread can start; the watcher and the server use the worker.',
    );
  } finally {
    rmSync(generated.dir, { recursive: true, force: true });
  }
}
