/**
 * `npx tsx test/browser/screenshots.ts`: writes the README's screenshots on
 * the server's demo clinic page: docs/widget-desktop.png (1280x800) and
 * docs/widget-phone.png (390x844) with an answer open,
 * docs/widget-spanish.png (a Spanish-speaking browser on a Friday evening:
 * the Spanish greeting and the after-hours line) and
 * docs/widget-large-text.png (the browser's text size at 28px, an answer open).
 */
import { join } from 'node:path';
import type { BrowserContextOptions } from 'playwright-core';
import { launchBrowser, root, startStack } from './harness.ts';

interface Shot {
  file: string;
  context: BrowserContextOptions;
  launcher: RegExp;
  /** Asked, and its reply awaited; without one the greeting is shown. */
  question?: string;
  /** The page's clock. */
  at?: Date;
  /** The browser's default font size, px. */
  fontSize?: number;
}

const desktop = { viewport: { width: 1280, height: 800 } };
const SHOTS: Shot[] = [
  { file: 'widget-desktop.png', context: desktop, launcher: /Questions\? Ask us/, question: 'How should I prepare for my block?' },
  {
    file: 'widget-phone.png',
    context: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
    launcher: /Questions\? Ask us/,
    question: 'How should I prepare for my block?',
  },
  // Friday 17:30 in Chicago, the demo clinic's zone: closed until Monday.
  { file: 'widget-spanish.png', context: { ...desktop, locale: 'es-MX' }, launcher: /Preguntas/, at: new Date('2026-03-06T23:30:00Z') },
  { file: 'widget-large-text.png', context: desktop, launcher: /Questions\? Ask us/, question: 'Can I drive after the block?', fontSize: 28 },
];

const stack = await startStack();
const browser = await launchBrowser();
try {
  for (const shot of SHOTS) {
    const context = await browser.newContext({ ...shot.context, reducedMotion: 'reduce' });
    const page = await context.newPage();
    if (shot.fontSize) await (await context.newCDPSession(page)).send('Page.setFontSizes', { fontSizes: { standard: shot.fontSize } });
    if (shot.at) await page.clock.setFixedTime(shot.at);
    await page.goto(stack.url);
    await page.getByRole('button', { name: shot.launcher }).click();
    if (shot.question) {
      const input = page.locator('spine-chat #sc-q');
      await input.fill(shot.question);
      await input.press('Enter');
      // The greeting, the question, then the reply.
      await page.locator('spine-chat .log > .msg').nth(2).waitFor();
    } else {
      await page.locator('spine-chat .log > .msg p').nth(shot.at ? 1 : 0).waitFor();
    }
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.screenshot({ path: join(root, 'docs', shot.file) });
    await context.close();
  }
} finally {
  await browser.close();
  await stack.close();
}
