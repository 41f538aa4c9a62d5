import { appendFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openKnowledge, type KnowledgeService } from '../../knowledge/index.ts';
import { percentile } from './stats.ts';

export interface ReloadStallResult {
  name: string;
  /** Wall time from starting the reload to the new version answering. */
  reloadMs: number;
  /** The longest a question waited for the main thread during the reload (what /healthz or /api/ask would wait). */
  worstWaitMs: number;
  p99WaitMs: number;
  /** Resident memory at its highest during the reload, and before it (both versions and the worker are alive at the swap). */
  peakRssMb: number;
  rssBeforeMb: number;
}

/**
 * A hot reload of a large base while questions keep arriving: a probe asks a
 * question every `everyMs` and records how late it got the main thread. The
 * synchronous reload (the fallback when no worker thread can be started) is
 * the baseline; the worker-thread reload is what the watcher and the server use.
 */
export async function measureReloadStall(dir: string, question: string, everyMs = 5): Promise<ReloadStallResult[]> {
  const kb = openKnowledge({ dir, log: () => undefined });
  try {
    const sync = await probeDuring(kb, question, everyMs, async () => {
      // A timer tick first, so the probe is running when the main thread is taken.
      await sleep(everyMs * 4);
      touchAnEntry(dir);
      kb.reload();
    });
    const worker = await probeDuring(kb, question, everyMs, async () => {
      touchAnEntry(dir);
      await kb.reloadInBackground();
    });
    return [
      { name: 'synchronous reload (fallback)', ...sync },
      { name: 'worker-thread reload, then swap', ...worker },
    ];
  } finally {
    kb.close();
  }
}

async function probeDuring(kb: KnowledgeService, question: string, everyMs: number, reload: () => Promise<void>) {
  const waits: number[] = [];
  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  let running = true;
  const probe = (async () => {
    while (running) {
      const due = performance.now() + everyMs;
      await sleep(everyMs);
      kb.decide(question);
      waits.push(performance.now() - due);
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }
  })();
  const started = performance.now();
  await reload();
  const reloadMs = performance.now() - started;
  await sleep(everyMs * 4);
  running = false;
  await probe;
  const mb = (bytes: number) => bytes / 2 ** 20;
  return { reloadMs, worstWaitMs: Math.max(...waits), p99WaitMs: percentile(waits, 99), peakRssMb: mb(peakRss), rssBeforeMb: mb(rssBefore) };
}

/** A real change, as an editor's save would make (the reload reads the folder again either way). */
function touchAnEntry(dir: string): void {
  const first = readdirSync(join(dir, 'entries')).find((n) => n.endsWith('.md'))!;
  appendFileSync(join(dir, 'entries', first), '\n');
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
