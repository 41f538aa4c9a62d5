/**
 * What a clinic's web admin runs into when embedding the widget: a cookie
 * banner over the launcher, a wrong ALLOWED_ORIGINS, a chat server that is
 * down, and the page's own loading.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
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
        // The installed clock follows real time until paused; paused at load, a slow machine cannot spend the quiet spell.
        await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 200);
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

  it("adds the loader only after the load event with the README's recommended embed, reading its data-* options, under a CSP that allows the snippet by hash", async () => {
    const site = await startHostPage(`${stack.url}/widget.js`, { embed: 'deferred' });
    try {
      const { context, page, problems } = await openPage(browser, site.page({ lang: 'es', position: 'left' }), {}, '¿Preguntas? Escríbanos');
      const [loadEnd, loaderStart] = await page.evaluate(() => [
        (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd,
        performance.getEntriesByType('resource').find((e) => e.name.endsWith('/widget.js'))!.startTime,
      ]);
      expect(loaderStart).toBeGreaterThanOrEqual(loadEnd);
      const box = (await page.getByRole('button', { name: '¿Preguntas? Escríbanos' }).boundingBox())!;
      expect(box.x).toBeLessThan(100);
      await page.getByRole('button', { name: '¿Preguntas? Escríbanos' }).click();
      await page.getByRole('dialog').getByRole('log').waitFor();
      expect(problems).toEqual([]);
      await context.close();
    } finally {
      await site.close();
    }
  });

  it('never makes its launcher the largest contentful paint, even on a page with less text than its label', async () => {
    const sparse = `<!doctype html><meta name="viewport" content="width=device-width"><p style="font-size:12px">Hi</p><script src="${stack.url}/widget.js" async></script>`;
    const site = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(sparse));
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
    try {
      const page = await context.newPage();
      await page.addInitScript(() => {
        const w = window as unknown as { lcp: string[] };
        w.lcp = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as LargestContentfulPaint[]) w.lcp.push(e.element?.nodeName ?? 'inside a shadow root');
        }).observe({ type: 'largest-contentful-paint', buffered: true });
      });
      await page.goto(`http://127.0.0.1:${(site.address() as AddressInfo).port}/`);
      await page.getByRole('button', { name: LAUNCHER }).waitFor();
      // Once the launcher's fade has ended and two more frames have been presented, every candidate has been reported.
      await page.evaluate(async () => {
        await Promise.all(document.querySelector('spine-chat')!.shadowRoot!.getAnimations().map((a) => a.finished));
        for (let i = 0; i < 2; i++) await new Promise(requestAnimationFrame);
      });
      await page.waitForTimeout(200);
      expect(await page.evaluate(() => (window as unknown as { lcp: string[] }).lcp)).toEqual(['P']);
    } finally {
      await context.close();
      site.close();
    }
  });
});
