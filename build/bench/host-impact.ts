import { createServer, type Server } from 'node:http';
import { embedSnippet } from '../../widget/loader/embed-snippet.ts';
import { launchChromium } from '../chromium.ts';

export interface HostImpact {
  page: string;
  cls: number;
  longTasks: number;
  totalBlockingMs: number;
  bytesBeforeInteraction: number;
  requestsBeforeInteraction: number;
}

/** Collects layout shifts and long tasks from the page's own PerformanceObservers. */
const OBSERVE = `
  window.__impact = { cls: 0, longTasks: 0, tbt: 0 };
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__impact.cls += e.value; })
    .observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) { window.__impact.longTasks++; window.__impact.tbt += Math.max(0, e.duration - 50); } })
    .observe({ type: 'longtask', buffered: true });
`;

/** How the demo page embeds the widget: not at all, the contract's plain tag, or the README's recommended snippet. */
export const EMBEDS = {
  without: 'without widget',
  tag: 'with the plain async tag',
  deferred: 'with the recommended snippet',
} as const;
export type Embed = keyof typeof EMBEDS;

/**
 * The demo page from another origin, as a clinic site serves it, at `/<embed>`,
 * with copies of its own stylesheet and icon (so it paints as the real page does).
 */
export async function hostPages(serverUrl: string): Promise<{ server: Server; url: string }> {
  const get = async (path: string) => {
    const res = await fetch(`${serverUrl}${path}`);
    return { type: res.headers.get('content-type') ?? 'text/plain', body: await res.text() };
  };
  const [demo, ...assets] = await Promise.all(['/', '/demo.css', '/favicon.svg'].map(get));
  const tag = /<script[^>]*widget\.js[^>]*><\/script>/;
  const widgetUrl = `${serverUrl}/widget.js`;
  const pages: Record<Embed, string> = {
    without: demo!.body.replace(tag, ''),
    tag: demo!.body.replace(tag, `<script src="${widgetUrl}" async></script>`),
    deferred: demo!.body.replace(tag, embedSnippet(widgetUrl)),
  };
  const files = new Map<string, { type: string; body: string }>([
    ['/demo.css', assets[0]!],
    ['/favicon.svg', assets[1]!],
    ...Object.entries(pages).map(([embed, body]) => [`/${embed}`, { type: 'text/html; charset=utf-8', body }] as const),
  ]);
  const server = createServer((req, res) => {
    const file = files.get(req.url ?? '');
    if (!file) res.writeHead(404).end();
    else res.writeHead(200, { 'content-type': file.type }).end(file.body);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}` })),
  );
}

/**
 * The demo clinic page without the widget and with each embed, served from
 * another origin as a clinic site would be; measured until the page has been
 * idle for a while with no visitor interaction.
 */
export async function measureHostImpact(serverUrl: string, settleMs: number): Promise<HostImpact[]> {
  const host = await hostPages(serverUrl);
  const browser = await launchChromium();
  try {
    const results: HostImpact[] = [];
    for (const embed of Object.keys(EMBEDS) as Embed[]) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.addInitScript(OBSERVE);
      let bytes = 0;
      let requests = 0;
      page.on('requestfinished', async (req) => {
        requests++;
        const sizes = await req.sizes().catch(() => null);
        if (sizes) bytes += sizes.responseBodySize + sizes.responseHeadersSize;
      });
      await page.goto(`${host.url}/${embed}`, { waitUntil: 'load' });
      await page.waitForTimeout(settleMs);
      const impact = (await page.evaluate('window.__impact')) as { cls: number; longTasks: number; tbt: number };
      results.push({
        page: EMBEDS[embed],
        cls: impact.cls,
        longTasks: impact.longTasks,
        totalBlockingMs: impact.tbt,
        bytesBeforeInteraction: bytes,
        requestsBeforeInteraction: requests,
      });
      await context.close();
    }
    return results;
  } finally {
    await browser.close();
    host.server.close();
  }
}
