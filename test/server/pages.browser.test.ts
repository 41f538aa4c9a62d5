/**
 * The demo page and the staff page in a real browser with the real widget
 * build: our CSP, CORP and CORS headers must let them work, with no
 * violations reported.
 */
import type { Browser, Page } from 'playwright-core';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildAdmin } from '../../build/admin.ts';
import { buildWidget } from '../../build/widget.ts';
import { describeInBrowser, launchBrowser } from '../browser/harness.ts';
import { ADMIN_TOKEN, startTestServer, tempDir, validCallback, type TestServer } from './support/start.ts';

describeInBrowser('demo and staff pages in a browser', () => {
  let server: TestServer;
  let browser: Browser;
  const widgetDir = tempDir('widget-build');

  beforeAll(async () => {
    await Promise.all([buildWidget({ outDir: widgetDir }), buildAdmin({ outDir: widgetDir })]);
    server = await startTestServer({ widgetDir });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(widgetDir, { recursive: true, force: true });
  });

  /** Opens `path`, collecting console errors, failed requests and CSP violations. */
  async function open(path: string): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`requestfailed: ${r.url()}`));
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(`${server.url}${path}`);
    return { page, problems };
  }

  it('the demo page loads the widget, which greets from /api/config under the CSP', async () => {
    const { page, problems } = await open('/');
    const launcher = page.locator('button[aria-expanded]');
    await launcher.click();
    await expect.poll(() => page.locator('[role="dialog"]').count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('[role="log"]').innerText()).toMatch(/medial branch block/i);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the staff page loads admin.js under the CSP and lists callbacks after login', async () => {
    const { ref } = await (await server.postJson('/api/callback', { ...validCallback, name: 'Browser Check' })).json();
    const { page, problems } = await open('/admin');
    await page.getByLabel(/token/i).fill(ADMIN_TOKEN);
    await page.getByRole('button', { name: /open inbox/i }).click();
    await expect.poll(() => page.locator('body').innerText()).toContain('Browser Check');
    // Staff see the reference the visitor was given, in the row with the request.
    await expect(page.getByRole('row', { name: /Browser Check/ }).getByRole('cell', { name: ref, exact: true }).count()).resolves.toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });
});
