/**
 * The demo page and the staff page in a real browser with the real widget
 * build: our CSP, CORP and CORS headers must let them work, with no
 * violations reported.
 */
import type { Browser, Page } from 'playwright-core';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildAdmin } from '../../build/admin.ts';
import { buildWidget } from '../../build/widget.ts';
import { DATABASE_FILE } from '../../server/storage/sqlite/open-database.ts';
import { describeInBrowser, launchBrowser } from '../browser/harness.ts';
import { startTestServer, tempDir, validCallback, type TestServer } from './support/start.ts';
import { PASSWORD, addAccount } from './support/staff.ts';

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
  async function open(path: string, on: TestServer = server): Promise<{ page: Page; problems: string[] }> {
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
    await page.goto(`${on.url}${path}`);
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

  it('the staff page loads admin.js under the CSP and lists callbacks after signing in', async () => {
    const { ref } = await (await server.postJson('/api/callback', { ...validCallback, name: 'Browser Check' })).json();
    await addAccount(server.dataDir, 'desk@clinic.example', 'frontdesk');
    const { page, problems } = await open('/admin');
    await page.getByLabel('Email').fill('desk@clinic.example');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.locator('body').innerText()).toContain('Browser Check');
    // Before signing in, the page asks /api/admin/me whether its cookie is still good: that 401 is the answer "no".
    expect(problems.filter((p) => !/401/.test(p) || !problems.some((q) => q === `HTTP 401: ${server.url}/api/admin/me`))).toEqual([]);
    expect(problems.filter((p) => p.startsWith('HTTP'))).toEqual([`HTTP 401: ${server.url}/api/admin/me`]);
    // Staff see the reference the visitor was given, with the request.
    await expect(page.getByRole('article', { name: /Browser Check/ }).getByText(`ref ${ref}`).count()).resolves.toBe(1);
    await page.close();
  });

  it('the staff page shows a status change that failed and puts the dropdown back', async () => {
    const failing = await startTestServer({ widgetDir });
    try {
      await failing.postJson('/api/callback', { ...validCallback, name: 'Rollback Check' });
      await addAccount(failing.dataDir, 'desk@clinic.example', 'frontdesk');
      const { page } = await open('/admin', failing);
      await page.getByLabel('Email').fill('desk@clinic.example');
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      const select = page.getByRole('article', { name: /Rollback Check/ }).getByLabel('Status');
      await expect.poll(() => select.count()).toBe(1);
      // The database vanishes under the server: the change is refused with a 503.
      for (const f of readdirSync(failing.dataDir)) if (f.startsWith(DATABASE_FILE)) rmSync(join(failing.dataDir, f));
      await select.selectOption('contacted');
      await expect.poll(() => page.getByRole('alert').innerText()).toMatch(/Rollback Check was not changed .*still "new"/);
      expect(await select.inputValue()).toBe('new');
      await page.close();
    } finally {
      await failing.close();
    }
  });
});
