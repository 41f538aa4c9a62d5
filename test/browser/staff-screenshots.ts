/**
 * `npx tsx test/browser/staff-screenshots.ts`: writes docs/staff-inbox.png,
 * docs/staff-editor.png and docs/staff-try.png (1280x900) from the real
 * server with demo accounts and requests in a temporary DATA_DIR.
 */
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildAdmin } from '../../build/admin.ts';
import { PASSWORD, addAccount } from '../server/support/staff.ts';
import { startTestServer, tempDir, validCallback } from '../server/support/start.ts';
import { launchBrowser, root } from './harness.ts';

const widgetDir = tempDir('shots');
const kbDir = tempDir('shots-kb');
cpSync(join(root, 'knowledge', 'base'), kbDir, { recursive: true });
await buildAdmin({ outDir: widgetDir });
const server = await startTestServer({ widgetDir, env: { KNOWLEDGE_DIR: kbDir } });
await addAccount(server.dataDir, 'admin@clinic.example', 'admin');
await server.postJson('/api/callback', { ...validCallback, name: 'Ana García', lang: 'es', preferredTime: 'Mañana', questions: ['¿Duele la inyección?', '¿Puedo manejar después?'] });
await server.postJson('/api/callback', { ...validCallback, name: 'Tom Baker', message: 'Question about stopping my blood thinner', questions: ['do I stop eliquis before the block'] });
await server.postJson('/api/ask', { question: 'can a family member wait with me' });
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${server.url}/admin`);
  await page.getByLabel('Email').fill('admin@clinic.example');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('article', { name: /Ana García/ }).waitFor();
  await page.getByRole('article', { name: /Ana García/ }).getByText(/Questions asked/).click();
  await page.screenshot({ path: join(root, 'docs', 'staff-inbox.png') });

  await page.getByRole('button', { name: 'Answers' }).click();
  await page.getByRole('button', { name: 'Do I need someone to drive me home?' }).click();
  await page.getByLabel('Related answers').fill('driving-after, procedure-step');
  await page.locator('#e-related').waitFor();
  await page.locator('.editor').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(root, 'docs', 'staff-editor.png') });

  await page.getByLabel('Visitor question').fill('can I drive home after the block?');
  await page.getByRole('button', { name: 'Try' }).click();
  await page.locator('.explain').waitFor();
  await page.getByRole('heading', { name: 'Try a question' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(root, 'docs', 'staff-try.png') });
} finally {
  await browser.close();
  await server.close();
  rmSync(widgetDir, { recursive: true, force: true });
  rmSync(kbDir, { recursive: true, force: true });
}
