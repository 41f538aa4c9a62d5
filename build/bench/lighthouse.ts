/**
 * Lighthouse 12 (its default: mobile, simulated slow 4G and a 4x slower CPU)
 * on the same page with and without the widget's tag, in Debian's chromium.
 * Each page is run `runs` times, alternating, and the median is kept.
 *
 * @example
 * const rows = await measureLighthouse([{ name: 'without', url }, { name: 'with', url: url2 }], 3);
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.ts';
import { freePort } from '../child-server.ts';
import { median } from './stats.ts';

export interface LighthouseRow {
  page: string;
  /** Largest contentful paint, ms (simulated). */
  lcpMs: number;
  /** The same paint as the unthrottled trace saw it, ms: what Lantern's simulation starts from. */
  observedLcpMs: number;
  /**
   * Runs in which `widget.js` had finished loading by the observed LCP: Lantern
   * then counts it (and its new connection) in the simulated LCP.
   */
  widgetBeforeLcp: number;
  /** The LCP element's selector, the one most runs reported (a node inside the widget would show as `spine-chat`). */
  lcpElement: string;
  /** Total blocking time, ms (simulated). */
  tbtMs: number;
  cls: number;
  /** Transfer bytes of everything loaded without interaction. */
  bytes: number;
  performanceScore: number;
}

/** Chromium with a DevTools port for Lighthouse to drive (it needs a port, not Playwright's pipe). */
async function startChromium(): Promise<{ port: number; stop(): Promise<void> }> {
  const port = await freePort();
  const profile = mkdtempSync(join(tmpdir(), 'bench-lighthouse-'));
  const child = spawn(CHROMIUM_PATH, [...CHROMIUM_ARGS, `--remote-debugging-port=${port}`, `--user-data-dir=${profile}`, 'about:blank'], { stdio: 'ignore', detached: true });
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/json/version`)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    port,
    async stop() {
      // The profile is written until chromium and its helper processes have exited: end the whole
      // process group (it was started detached, so it leads one), then remove the profile, retrying
      // while a helper finishes. A profile left in the temp folder is not worth failing the bench over.
      const exited = once(child, 'exit');
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        child.kill();
      }
      await exited;
      try {
        rmSync(profile, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 });
      } catch (error) {
        console.warn(`bench: could not remove the Lighthouse profile ${profile}: ${(error as Error).message}`);
      }
    },
  };
}

export async function measureLighthouse(pages: Array<{ name: string; url: string }>, runs: number): Promise<LighthouseRow[]> {
  const chromium = await startChromium();
  const samples = new Map<string, LighthouseRow[]>(pages.map((p) => [p.name, []]));
  try {
    for (let run = 0; run < runs; run++) {
      for (const { name, url } of pages) {
        const result = await lighthouse(url, { port: chromium.port, onlyCategories: ['performance'], logLevel: 'error', output: 'json' });
        const audit = (id: string) => result!.lhr.audits[id]!.numericValue ?? NaN;
        const details = (id: string) => result!.lhr.audits[id]?.details as { items?: any[] } | undefined;
        const observedLcpMs: number = details('metrics')?.items?.[0]?.observedLargestContentfulPaint ?? NaN;
        const widget = details('network-requests')?.items?.find((r: { url: string }) => new URL(r.url).pathname === '/widget.js');
        samples.get(name)!.push({
          page: name,
          lcpMs: audit('largest-contentful-paint'),
          observedLcpMs,
          widgetBeforeLcp: widget && widget.networkEndTime <= observedLcpMs ? 1 : 0,
          lcpElement: details('largest-contentful-paint-element')?.items?.[0]?.items?.[0]?.node?.selector ?? 'none',
          tbtMs: audit('total-blocking-time'),
          cls: audit('cumulative-layout-shift'),
          bytes: audit('total-byte-weight'),
          performanceScore: (result!.lhr.categories.performance!.score ?? NaN) * 100,
        });
      }
    }
  } finally {
    await chromium.stop();
  }
  return pages.map(({ name }) => {
    const rows = samples.get(name)!;
    const mid = (key: keyof Omit<LighthouseRow, 'page' | 'lcpElement'>) => median(rows.map((r) => r[key]));
    const count = (element: string) => rows.filter((r) => r.lcpElement === element).length;
    const lcpElement = rows.map((r) => r.lcpElement).sort((a, b) => count(b) - count(a))[0]!;
    return {
      page: name,
      lcpMs: mid('lcpMs'),
      observedLcpMs: mid('observedLcpMs'),
      widgetBeforeLcp: rows.reduce((sum, r) => sum + r.widgetBeforeLcp, 0),
      lcpElement,
      tbtMs: mid('tbtMs'),
      cls: mid('cls'),
      bytes: mid('bytes'),
      performanceScore: mid('performanceScore'),
    };
  });
}
