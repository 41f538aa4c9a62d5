import { createServer, type Server } from 'node:http';
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

/** The demo page from another origin, as a clinic site serves it: `/with` the widget's tag, `/without` it. */
export function hostPages(demoHtml: string, widgetUrl: string): Promise<{ server: Server; url: string }> {
  const withWidget = demoHtml.replace(/<script[^>]*widget\.js[^>]*><\/script>/, `<script src="${widgetUrl}" async></script>`);
  const withoutWidget = demoHtml.replace(/<script[^>]*widget\.js[^>]*><\/script>/, '');
  const server = createServer((req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(req.url === '/with' ? withWidget : withoutWidget);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}` })),
  );
}

/**
 * The demo clinic page with and without the widget's script tag, served from
 * another origin as a clinic site would be; measured until the page has been
 * idle for a while with no visitor interaction.
 */
export async function measureHostImpact(serverUrl: string, settleMs: number): Promise<HostImpact[]> {
  const demoHtml = await (await fetch(`${serverUrl}/`)).text();
  const host = await hostPages(demoHtml, `${serverUrl}/widget.js`);
  const browser = await launchChromium();
  try {
    const results: HostImpact[] = [];
    for (const variant of ['without', 'with'] as const) {
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
      await page.goto(`${host.url}/${variant}`, { waitUntil: 'load' });
      await page.waitForTimeout(settleMs);
      const impact = (await page.evaluate('window.__impact')) as { cls: number; longTasks: number; tbt: number };
      results.push({
        page: `demo page ${variant} widget`,
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
