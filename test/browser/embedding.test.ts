/**
 * What a clinic's web admin runs into when embedding the widget: a cookie
 * banner over the launcher, a wrong ALLOWED_ORIGINS, a chat server that is
 * down, and the page's own loading.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, LAUNCHER, launchBrowser, openPage, startHostPage, startStack, type HostPage, type Stack } from './harness.ts';

/** The host-page fallback the README's embed section documents, as the clinic's own script. */
const CHAT_LINK_JS = `document.getElementById('chat-with-us').addEventListener('click', (e) => { if (window.SpineChat) { e.preventDefault(); SpineChat.open(); } });`;
const CHAT_LINK = '<a id="chat-with-us" href="tel:+15550100100">Chat with us</a>';

describeInBrowser('embedding on a clinic site', () => {
  let browser: Browser;
  let stack: Stack;

  beforeAll(async () => {
    [browser, stack] = await Promise.all([launchBrowser(), startStack({ RATE_LIMIT_PER_MINUTE: '0' })]);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  /** What is drawn on top at the centre of `selector` inside the widget. */
  const topAt = (page: Page, selector: string) =>
    page.evaluate((s) => {
      const r = document.querySelector('spine-chat')!.shadowRoot!.querySelector(s)!.getBoundingClientRect();
      return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)?.tagName.toLowerCase();
    }, selector);

  it('names data-z-index when a cookie banner covers the launcher, and lifts itself above the banner when opened', async () => {
    const site = await startHostPage(`${stack.url}/widget.js`, { bodyEnd: '<div id="cookie-banner">We use cookies.</div>' });
    try {
      const { context, page, console: messages } = await openPage(browser, site.page(), { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      expect(await topAt(page, '.launcher')).toBe('div');
      await expect.poll(() => messages.join('\n'), { timeout: 15_000 }).toContain('div#cookie-banner (z-index 2147483647) covers the chat launcher');
      expect(messages.join('\n')).toContain('data-z-index');
      // A host page's own "chat" button opens it; the question box is then above the banner.
      await page.evaluate(() => (window as unknown as { SpineChat: { open(): void } }).SpineChat.open());
      await page.getByLabel('Type your question').waitFor();
      await expect.poll(() => topAt(page, '#sc-q')).toBe('spine-chat');
      expect(await topAt(page, '.launcher')).toBe('spine-chat');
      await context.close();
    } finally {
      await site.close();
    }
  });

  it('says in the console which origin to add to ALLOWED_ORIGINS when the server refuses the site', async () => {
    const strict = await startStack({ ALLOWED_ORIGINS: 'https://www.clinic.example' });
    const site = await startHostPage(`${strict.url}/widget.js`);
    try {
      const { context, page, console: messages } = await openPage(browser, site.page());
      await page.getByRole('button', { name: LAUNCHER }).click();
      await page.getByText('The chat cannot reach the clinic right now.').waitFor();
      await expect.poll(() => messages.join('\n')).toContain(`${strict.url} does not allow this site (${site.origin}): add it to ALLOWED_ORIGINS`);
      await context.close();
    } finally {
      await site.close();
      await strict.close();
    }
  });

  it('serves the loader with a short max-age and an ETag, so a server gone down still leaves the launcher and the phone', async () => {
    const doomed = await startStack();
    const site = await startHostPage(`${doomed.url}/widget.js`, { bodyEnd: CHAT_LINK, scripts: { 'chat-link.js': CHAT_LINK_JS } });
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const loader = page.waitForResponse((r) => r.url().endsWith('/widget.js'));
      await page.goto(site.page({ phone: '555-010-0100' }));
      const headers = (await loader).headers();
      expect(headers['cache-control']).toBe('public, max-age=300');
      expect(headers.etag).toMatch(/^"[\w-]{22}"$/);
      // The host page's own link opens the chat while the widget is there.
      const opened = await page.evaluate(() => {
        const click = new MouseEvent('click', { cancelable: true });
        document.getElementById('chat-with-us')!.dispatchEvent(click);
        return click.defaultPrevented;
      });
      expect(opened).toBe(true);
      await page.getByRole('dialog').waitFor();

      await doomed.close();
      await page.goto(site.page({ phone: '555-010-0100' }));
      await page.getByRole('button', { name: LAUNCHER }).click();
      // A phone to call, whether from the briefly cached /api/config or from data-phone.
      await expect(page.getByRole('dialog').getByRole('link', { name: /^\d{3}-\d{3}-\d{4}$/ }).first().getAttribute('href')).resolves.toMatch(/^tel:\d{10}$/);

      // A browser that never cached the loader gets no widget; the documented link then calls the clinic.
      const fresh = await browser.newContext();
      const cold = await fresh.newPage();
      await cold.goto(site.page({ phone: '555-010-0100' }));
      await cold.waitForLoadState('load');
      expect(await cold.evaluate(() => 'SpineChat' in window)).toBe(false);
      const followed = await cold.evaluate(() => {
        const click = new MouseEvent('click', { cancelable: true });
        document.getElementById('chat-with-us')!.dispatchEvent(click);
        return !click.defaultPrevented;
      });
      expect(followed).toBe(true);
      await fresh.close();
    } finally {
      await context.close();
      await site.close();
    }
  });

  it('prefetches the app only a quiet spell after the load event, or at once on intent', async () => {
    const host: HostPage = await startHostPage(`${stack.url}/widget.js`);
    try {
      for (const intent of [false, true]) {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.clock.install();
        const appRequests: string[] = [];
        page.on('request', (r) => {
          if (/\/app-en-/.test(r.url())) appRequests.push(r.url());
        });
        await page.goto(host.page());
        await page.waitForLoadState('load');
        await page.getByRole('button', { name: LAUNCHER }).waitFor();
        if (intent) {
          await page.getByRole('button', { name: LAUNCHER }).hover();
          await expect.poll(() => appRequests.length).toBe(1);
        } else {
          await page.clock.runFor(2500);
          await page.waitForTimeout(300);
          expect(appRequests).toEqual([]);
          await page.clock.runFor(1000);
          await expect.poll(() => appRequests.length).toBe(1);
        }
        await context.close();
      }
    } finally {
      await host.close();
    }
  });
});
