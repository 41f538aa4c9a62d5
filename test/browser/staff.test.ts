/**
 * The staff page in Chromium, one role at a time, against the real server:
 * front desk (live inbox, contacted, audited), editor (unanswered question
 * to alternate phrasing; an invalid save refused in staff words), admin
 * (reads the audit). Axe finds no serious violations; a tablet viewport works.
 */
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildAdmin } from '../../build/admin.ts';
import { PASSWORD, addAccount } from '../server/support/staff.ts';
import { root, startTestServer, tempDir, validCallback, type TestServer } from '../server/support/start.ts';
import { describeInBrowser, launchBrowser } from './harness.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

describeInBrowser('the staff workspace', () => {
  let server: TestServer;
  let browser: Browser;
  const widgetDir = tempDir('admin-build');
  const kbDir = tempDir('kb-staff');
  cpSync(join(root, 'knowledge', 'base'), kbDir, { recursive: true });

  beforeAll(async () => {
    await buildAdmin({ outDir: widgetDir });
    server = await startTestServer({ widgetDir, env: { KNOWLEDGE_DIR: kbDir } });
    await Promise.all([
      addAccount(server.dataDir, 'desk@clinic.example', 'frontdesk'),
      addAccount(server.dataDir, 'editor@clinic.example', 'editor'),
      addAccount(server.dataDir, 'admin@clinic.example', 'admin'),
    ]);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(widgetDir, { recursive: true, force: true });
    rmSync(kbDir, { recursive: true, force: true });
  });

  async function signedIn(email: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
    const context = await browser.newContext({ viewport, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(`${server.url}/admin`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    return page;
  }

  async function seriousViolations(page: Page): Promise<unknown[]> {
    await page.evaluate(axeSource);
    return page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }> } }).axe;
      const r = await axe.run(document, { resultTypes: ['violations'] });
      return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, nodes: JSON.stringify(v.nodes).slice(0, 300) }));
    });
  }

  it('the sign-in form has the contract labels, passes axe, and a wrong password is said plainly', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/admin`);
    await page.getByLabel('Email').fill('desk@clinic.example');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toMatch(/wrong email or password/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('front desk: sees a new request arrive live with its language, marks it contacted, and the audit names them', async () => {
    const page = await signedIn('desk@clinic.example');
    await expect.poll(() => page.title()).toMatch(/Staff inbox/);
    const res = await server.postJson('/api/callback', { ...validCallback, name: 'Maria Live', lang: 'es', questions: ['¿Duele la inyección?'] });
    const { id, ref } = await res.json();
    const card = page.getByRole('article', { name: /Maria Live/ });
    await card.waitFor({ timeout: 15_000 });
    await expect.poll(() => page.title()).toMatch(/^\(1\) /);
    // The short reference the visitor's confirmation showed.
    expect(await card.innerText()).toContain(`ref ${ref}`);
    expect(await card.innerText()).toContain('Spanish');
    await card.getByText(/Questions asked in the chat/).click();
    expect(await card.innerText()).toContain('¿Duele la inyección?');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'all', exact: true }).click();
    await page.getByRole('article', { name: /Maria Live/ }).getByLabel('Status').selectOption('contacted');
    await expect.poll(() => page.getByRole('article', { name: /Maria Live/ }).innerText()).toMatch(/Marked contacted by desk@clinic\.example/);
    await page.context().close();

    const audit = await (await server.admin(`/api/admin/audit?target=${id}&action=callback.status`)).json();
    expect(audit[0]).toMatchObject({ who: 'desk@clinic.example', detail: 'new -> contacted' });
  });

  it('editor: turns an unanswered question into an alternate phrasing, and the next ask is answered', async () => {
    const question = 'does the lobby have magazines to read';
    expect((await (await server.postJson('/api/ask', { question })).json()).kind).toBe('fallback');
    await new Promise((r) => setTimeout(r, 1200)); // the question log writes in batches
    const page = await signedIn('editor@clinic.example');
    const item = page.locator('.unanswered > li').filter({ hasText: question });
    await item.waitFor();
    await item.getByLabel('Answer').selectOption('preparation');
    await item.getByRole('button', { name: 'Add as phrasing' }).click();
    const result = page.getByRole('status').filter({ hasText: `Added "${question}"` });
    await result.waitFor();
    expect(await result.innerText()).toMatch(/Before[\s\S]*(Not found|Out of scope)[\s\S]*After[\s\S]*Answers with an entry/);
    const reply = await (await server.postJson('/api/ask', { question })).json();
    expect(reply).toMatchObject({ kind: 'answer', answer: { id: 'preparation' } });
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('editor: an invalid save shows the staff-worded reason and changes nothing', async () => {
    const file = join(kbDir, 'entries', 'driver.md');
    const before = readFileSync(file, 'utf8');
    const page = await signedIn('editor@clinic.example');
    await page.getByRole('button', { name: 'Do I need someone to drive me home?' }).click();
    const related = page.getByLabel('Related answers');
    await related.fill('driving-after, procedure-step');
    await expect.poll(() => page.locator('#e-related').innerText(), { timeout: 10_000 }).toBe(
      'Related answer 2: no answer has the id "procedure-step": did you mean procedure-steps?',
    );
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Not saved' }).count()).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(await related.getAttribute('aria-invalid')).toBe('true');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Visitor question').fill('can I drive home after the block?');
    await page.getByRole('button', { name: 'Try' }).click();
    await expect.poll(() => page.locator('.explain').first().innerText()).toMatch(/Answers with an entry[\s\S]*Winning entry/);
    await page.context().close();
  });

  it('admin: reads the audit trail', async () => {
    const page = await signedIn('admin@clinic.example');
    await page.getByRole('button', { name: 'Audit trail' }).click();
    const table = page.getByRole('table', { name: 'Audit entries, newest first' });
    await table.waitFor();
    const text = await table.innerText();
    expect(text).toContain('callback.status');
    expect(text).toContain('desk@clinic.example');
    expect(text).toContain('entry.save');
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('works on a tablet: nothing overflows sideways', async () => {
    const page = await signedIn('admin@clinic.example', { width: 768, height: 1024 });
    await page.getByRole('button', { name: 'Answers' }).click();
    await page.getByRole('heading', { name: 'Try a question' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    await page.context().close();
  });
});
