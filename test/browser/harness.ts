/**
 * What the widget's browser tests share: the real server (real knowledge
 * base, SQLite in a temp dir, the widget freshly built from source), a host
 * page on another origin with a strict CSP and careless CSS, and Debian's
 * chromium through playwright-core.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { describe } from 'vitest';
import { CHROMIUM_PATH, launchChromium } from '../../build/chromium.ts';
import { buildWidget } from '../../build/widget.ts';
import { loadConfig } from '../../server/config.ts';
import { startServer } from '../../server/server.ts';

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
  callbacks(): Promise<Array<{ id: string; name: string; phone: string; preferredTime: string | null; message: string | null }>>;
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

/** A careless host stylesheet: large red text on every div, button and input, everywhere. */
export const CARELESS_CSS = 'div,button,input,p,a,span{font-size:31px!important;color:red!important;line-height:3!important}*{box-sizing:content-box!important}';

/**
 * A clinic's site on its own origin, with a strict CSP (no 'unsafe-inline',
 * no eval) that allows scripts and API calls to the chat server only.
 * `page({ nowidget: '1' })` leaves the script tag out. With `loaderFrom`, the
 * site serves a copy of `widget.js` itself (and nothing else of the widget).
 */
export async function startHostPage(widgetSrc: string, options: { loaderFrom?: string } = {}): Promise<HostPage> {
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
    if (url.pathname !== '/') {
      res.writeHead(url.pathname === '/favicon.ico' ? 204 : 404).end();
      return;
    }
    const noWidget = url.searchParams.has('nowidget');
    const attrs = [...url.searchParams].map(([k, v]) => ` data-${k}="${v.replace(/"/g, '&quot;')}"`).join('');
    res
      .writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': `default-src 'self'; script-src 'self' ${widgetOrigin}; connect-src ${widgetOrigin}; style-src 'self'; img-src 'self'`,
      })
      .end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Riverside Spine Center</title><link rel="stylesheet" href="/host.css"></head>
<body><main><h1>Riverside Spine Center</h1><div>Welcome to our clinic.</div>
<p>Our team treats back and neck pain.</p><button id="host-button">Book a visit</button>
<div id="filler">${'<p>Clinic news.</p>'.repeat(30)}</div></main>
${noWidget ? '' : `<script src="${widgetSrc}" async${attrs}></script>`}</body></html>`);
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
