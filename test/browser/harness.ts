/**
 * What the widget's browser tests share: the real server (real knowledge
 * base, SQLite in a temp dir, the widget freshly built from source), a host
 * page on another origin with a strict CSP and careless CSS, and Debian's
 * chromium through playwright-core.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe } from 'vitest';
import { CHROMIUM_PATH, launchChromium } from '../../build/chromium.ts';
import type { CallbackRecord } from '../../server/api/contract.ts';
import { buildWidget } from '../../build/widget.ts';
import { loadConfig } from '../../server/config.ts';
import { startServer } from '../../server/server.ts';
import { embedScript } from '../../widget/loader/embed-snippet.ts';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const ADMIN_TOKEN = 'browser-test-admin-token-0123456789';

/**
 * `describe` when chromium is installed. Without it the tests are skipped
 * loudly, except under CI, where a missing browser is a failure.
 */
export function describeInBrowser(name: string, body: () => void): void {
  if (existsSync(CHROMIUM_PATH)) {
    describe(name, body);
    return;
  }
  if (process.env.CI) throw new Error(`${CHROMIUM_PATH} is missing: apt-get install -y chromium`);
  console.warn(`\n!!! SKIPPING browser tests "${name}": ${CHROMIUM_PATH} not found. Run: apt-get install -y chromium\n`);
  describe.skip(name, body);
}

export const launchBrowser: () => Promise<Browser> = launchChromium;

export interface Stack {
  /** The chat server's origin, e.g. http://127.0.0.1:41234 */
  url: string;
  /** Where this stack's widget was built. */
  widgetDir: string;
  /** Stored call-back requests, through the staff API. */
  callbacks(): Promise<CallbackRecord[]>;
  close(): Promise<void>;
}

/** The real server on port 0 with a fresh database and the widget built from source. */
export async function startStack(env: Record<string, string> = {}): Promise<Stack> {
  const dir = mkdtempSync(join(tmpdir(), 'widget-browser-'));
  const widgetDir = join(dir, 'widget');
  await buildWidget({ outDir: widgetDir });
  const config = loadConfig({ PORT: '0', DATA_DIR: join(dir, 'data'), ADMIN_TOKEN, ...env }, root);
  const server = await startServer({ ...config, widgetDir }, { logRequest: () => {}, log: () => {} });
  return {
    url: server.url,
    widgetDir,
    async callbacks() {
      const res = await fetch(`${server.url}/api/admin/callbacks`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
      if (!res.ok) throw new Error(`admin API answered ${res.status}`);
      return (await res.json()) as never;
    },
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface HostPage {
  /** The page's origin, e.g. http://127.0.0.1:41235 */
  origin: string;
  /** URL of a page embedding `<script src=widgetSrc ...attrs>`. */
  page(attrs?: Record<string, string>): string;
  close(): Promise<void>;
}

/**
 * A careless host stylesheet: large red text on every div, button and input,
 * everywhere, and the root font-size trick (62.5%) that breaks rem sizes.
 * `#cookie-banner` is what the cookie-banner tests add: full width at the
 * bottom, at the highest z-index.
 */
export const CARELESS_CSS =
  'html{font-size:62.5%!important}div,button,input,p,a,span{font-size:31px!important;color:red!important;line-height:3!important}*{box-sizing:content-box!important}' +
  '#cookie-banner{position:fixed;left:0;right:0;bottom:0;height:160px;z-index:2147483647;background:#1e293b}';

/**
 * A clinic's site on its own origin, with a strict CSP (no 'unsafe-inline',
 * no eval) that allows scripts and API calls to the chat server only.
 * `page({ nowidget: '1' })` leaves the script tag out. With `loaderFrom`, the
 * site serves a copy of `widget.js` itself (and nothing else of the widget).
 * `bodyEnd` is HTML added after the script tag (a cookie banner, say), and
 * `scripts` same-origin scripts the page serves at `/<name>` and includes there.
 * `embed: 'deferred'` embeds the README's recommended inline snippet instead
 * of the plain tag, allowed by its hash in the CSP (still no 'unsafe-inline').
 */
export async function startHostPage(
  widgetSrc: string,
  options: { loaderFrom?: string; bodyEnd?: string; scripts?: Record<string, string>; embed?: 'tag' | 'deferred' } = {},
): Promise<HostPage> {
  const widgetOrigin = widgetSrc.startsWith('/') ? "'self'" : new URL(widgetSrc).origin;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/host.css') {
      res.writeHead(200, { 'content-type': 'text/css' }).end(CARELESS_CSS);
      return;
    }
    if (url.pathname === '/widget.js' && options.loaderFrom) {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(join(options.loaderFrom, 'widget.js')));
      return;
    }
    const script = options.scripts?.[url.pathname.slice(1)];
    if (script !== undefined) {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
      return;
    }
    if (url.pathname !== '/') {
      res.writeHead(url.pathname === '/favicon.ico' ? 204 : 404).end();
      return;
    }
    const noWidget = url.searchParams.has('nowidget');
    const attrs = [...url.searchParams].map(([k, v]) => ` data-${k}="${v.replace(/"/g, '&quot;')}"`).join('');
    const inline = options.embed === 'deferred' ? embedScript(widgetSrc, Object.fromEntries(url.searchParams)) : '';
    const tag = inline ? `<script>${inline}</script>` : `<script src="${widgetSrc}" async${attrs}></script>`;
    const inlineHash = inline ? ` 'sha256-${createHash('sha256').update(inline).digest('base64')}'` : '';
    res
      .writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': `default-src 'self'; script-src 'self' ${widgetOrigin}${inlineHash}; connect-src ${widgetOrigin}; style-src 'self'; img-src 'self'`,
      })
      .end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Riverside Spine Center</title><link rel="stylesheet" href="/host.css"></head>
<body><main><h1>Riverside Spine Center</h1><div>Welcome to our clinic.</div>
<p>Our team treats back and neck pain.</p><button id="host-button">Book a visit</button>
<div id="filler">${'<p>Clinic news.</p>'.repeat(30)}</div></main>
${noWidget ? '' : tag}${options.bodyEnd ?? ''}
${Object.keys(options.scripts ?? {}).map((name) => `<script src="/${name}"></script>`).join('')}</body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    page: (attrs = {}) => `${origin}/?${new URLSearchParams(attrs)}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export const LAUNCHER = 'Questions? Ask us';

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  requests: Request[];
  /** CSP refusals and script errors (failed HTTP statuses, which tests provoke, are not problems). */
  problems: string[];
  /** Console warnings and errors, as printed. */
  console: string[];
}

/** A fresh context and page at `url`, recording requests and problems, once the launcher is drawn. */
export async function openPage(browser: Browser, url: string, options: Parameters<Browser['newContext']>[0] = {}, launcher: string | RegExp = LAUNCHER): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  const requests: Request[] = [];
  const problems: string[] = [];
  const messages: string[] = [];
  page.on('request', (r) => requests.push(r));
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'warning' || m.type() === 'error') messages.push(m.text());
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(m.text());
  });
  await page.goto(url);
  await page.getByRole('button', { name: launcher }).waitFor();
  return { context, page, requests, problems, console: messages };
}

export async function ask(page: Page, question: string, label = 'Type your question'): Promise<void> {
  await page.getByLabel(label).fill(question);
  await page.getByLabel(label).press('Enter');
}

/** The id (or class) of the focused element inside the widget's shadow root. */
export const shadowActive = (page: Page): Promise<string | undefined> =>
  page.evaluate(() => {
    const active = document.querySelector('spine-chat')?.shadowRoot?.activeElement;
    return active?.id || active?.className;
  });

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core on the whole page (or only the widget), shadow DOM included: every violation, of any impact. */
export async function axeViolations(page: Page, only?: 'widget'): Promise<Array<{ id: string; impact: string; nodes: string }>> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async (only) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }> } }).axe;
    const r = await axe.run(only ? { include: [['spine-chat']] } : document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: JSON.stringify(v.nodes).slice(0, 400) }));
  }, only);
}

export interface Site {
  browser: Browser;
  stack: Stack;
  /** A clinic page on another origin embedding the stack's widget. */
  host: HostPage;
}

/**
 * Inside a describe: chromium, the real server (rate limits off) and a host
 * page, started before the tests and closed after them.
 *
 * @example
 * const site = useSite();
 * it('opens', async () => { const { page } = await openPage(site.browser, site.host.page()); });
 */
export function useSite(): Site {
  const site = {} as Site;
  beforeAll(async () => {
    [site.browser, site.stack] = await Promise.all([launchBrowser(), startStack({ RATE_LIMIT_PER_MINUTE: '0' })]);
    site.host = await startHostPage(`${site.stack.url}/widget.js`);
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.host?.close();
    await site.stack?.close();
  });
  return site;
}
