/**
 * `npx tsx test/browser/screenshots.ts`: writes docs/widget-desktop.png
 * (1280x800) and docs/widget-phone.png (390x844), each with an answer open,
 * on the server's demo clinic page.
 */
import { join } from 'node:path';
import { launchBrowser, root, startStack } from './harness.ts';

const stack = await startStack();
const browser = await launchBrowser();
try {
  for (const [name, viewport, mobile] of [
    ['widget-desktop.png', { width: 1280, height: 800 }, false],
    ['widget-phone.png', { width: 390, height: 844 }, true],
  ] as const) {
    const context = await browser.newContext({ viewport, isMobile: mobile, hasTouch: mobile, deviceScaleFactor: mobile ? 2 : 1, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(stack.url);
    await page.getByRole('button', { name: 'Questions? Ask us' }).click();
    await page.getByRole('button', { name: 'How should I prepare for my block?' }).click();
    await page.getByRole('heading', { name: /prepare/i }).waitFor();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.screenshot({ path: join(root, 'docs', name) });
    await context.close();
  }
} finally {
  await browser.close();
  await stack.close();
}
