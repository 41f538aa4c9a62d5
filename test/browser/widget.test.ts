/**
 * The widget embedded the way clinics embed it: a host page on another
 * origin, a strict CSP, careless host CSS, the real server and knowledge base.
 */
import type { Browser } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import {
  ADMIN_TOKEN,
  ask,
  axeViolations,
  describeInBrowser,
  LAUNCHER,
  openPage,
  shadowActive,
  startHostPage,
  startStack,
  useSite,
  type HostPage,
  type Stack,
} from './harness.ts';

describeInBrowser('widget embedded cross-origin under a strict CSP', () => {
  const site = useSite();
  let browser: Browser;
  let stack: Stack;
  let host: HostPage;
  beforeAll(() => ({ browser, stack, host } = site));

  /** The host page with the widget tag carrying `attrs`. */
  const open = (attrs: Record<string, string> = {}, options: Parameters<Browser['newContext']>[0] = {}) =>
    openPage(browser, host.page(attrs), options, attrs.lang === 'es' ? /Preguntas/ : LAUNCHER);

  it('draws only the launcher, with no cookies, storage, API calls, layout shift or leaked styles', async () => {
    const { context, page, requests, problems } = await open();
    // Idle loading fetches the app's own files, and nothing else.
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /\/app-en-/.test(e.name)));
    const widgetRequests = requests.filter((r) => r.url().startsWith(stack.url)).map((r) => new URL(r.url()).pathname);
    expect(widgetRequests[0]).toBe('/widget.js');
    expect(widgetRequests.every((p) => /^\/(widget|app-en-[A-Z0-9]+|chunk-[A-Z0-9]+)\.js$/.test(p)), widgetRequests.join()).toBe(true);
    expect(await context.cookies()).toEqual([]);
    expect(await page.evaluate(() => [document.cookie, localStorage.length, sessionStorage.length])).toEqual(['', 0, 0]);

    const layout = await page.evaluate(() => {
      const hostEl = document.querySelector('spine-chat')!;
      const r = hostEl.getBoundingClientRect();
      const hits = [
        [10, 10],
        [640, 400],
        [1270, 10],
        [10, 790],
      ].map(([x, y]) => document.elementFromPoint(x!, y!)?.tagName);
      const launcher = hostEl.shadowRoot!.querySelector('button')!;
      const style = getComputedStyle(launcher);
      return { size: [r.width, r.height], hits, fontSize: style.fontSize, color: style.color, scroll: document.documentElement.scrollHeight };
    });
    expect(layout.size).toEqual([0, 0]);
    expect(layout.hits).not.toContain('SPINE-CHAT');
    expect(layout.fontSize).toBe('17px');
    expect(layout.color).toBe('rgb(255, 255, 255)');
    const bare = await context.newPage();
    await bare.goto(host.page({ nowidget: '1' }));
    expect(await bare.evaluate(() => document.documentElement.scrollHeight)).toBe(layout.scroll);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('asks, answers with sources and related questions, records feedback, and keeps the conversation per tab', async () => {
    const { context, page, requests, problems } = await open();
    const launcher = page.getByRole('button', { name: LAUNCHER });
    await expect(launcher.getAttribute('aria-expanded')).resolves.toBe('false');
    await launcher.click();
    await expect(launcher.getAttribute('aria-expanded')).resolves.toBe('true');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await page.getByText('Riverside Spine Center (demo)').waitFor();
    await expect(page.getByRole('log').getAttribute('aria-live')).resolves.toBe('polite');
    await page.getByText('Answers are general information').waitFor();
    // The careless host CSS does not reach inside.
    const inside = await page.getByLabel('Type your question').evaluate((el) => getComputedStyle(el).fontSize);
    expect(inside).toBe('17px');

    await page.getByRole('button', { name: 'What is a medial branch block?' }).click();
    const answer = page.getByRole('heading', { name: 'What is a medial branch block?' });
    await answer.waitFor();
    const sources = page.locator('.sources a');
    expect(await sources.count()).toBeGreaterThan(0);
    await expect(sources.first().getAttribute('href')).resolves.toMatch(/^https:\/\//);
    await expect(sources.first().getAttribute('target')).resolves.toBe('_blank');
    await expect(sources.first().getAttribute('rel')).resolves.toContain('noopener');
    await page.getByRole('strong').or(page.locator('.msg strong')).first().waitFor();
    await page.getByRole('button', { name: 'What happens during the procedure?' }).waitFor();

    await page.getByRole('group', { name: 'Was this helpful?' }).getByRole('button', { name: 'Yes' }).click();
    await page.getByText('Thank you for your feedback.').waitFor();
    await expect
      .poll(async () => {
        const res = await fetch(`${stack.url}/api/admin/feedback`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
        return JSON.stringify(await res.json());
      })
      .toContain('what-is-mbb');

    // A related question asks itself.
    await page.getByRole('button', { name: 'What happens during the procedure?' }).click();
    await page.getByRole('heading', { name: /during the procedure/i }).waitFor();
    expect(requests.some((r) => r.url().includes('/api/ask') && r.url().includes('?'))).toBe(false);

    // Same tab, next page: the conversation is still there, until cleared.
    await page.reload();
    await page.getByRole('button', { name: LAUNCHER }).click();
    await page.getByRole('heading', { name: 'What is a medial branch block?' }).waitFor();
    await page.getByRole('button', { name: 'Clear conversation' }).click();
    await expect.poll(() => page.locator('.me').count()).toBe(0);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('offers a call back when unsure; the form validates, keeps typed data, retries with one key, and stores the request', async () => {
    const { context, page, requests, problems } = await open();
    await page.evaluate(() => {
      const seen: unknown[] = [];
      (window as unknown as { seen: unknown[] }).seen = seen;
      (window as unknown as { SpineChat: { on(e: string, f: (d: unknown) => void): void } }).SpineChat.on('callback', (d) => seen.push(d));
    });
    await page.getByRole('button', { name: LAUNCHER }).click();
    await ask(page, 'what is the weather on mars');
    const offer = page.getByRole('log').getByRole('button', { name: /call back|callback|talk to/i });
    await offer.click();
    await page.getByRole('heading', { name: 'Request a call back' }).waitFor();

    const submit = page.getByRole('button', { name: 'Send request' });
    await submit.click();
    await expect(page.getByLabel('Your name').getAttribute('aria-invalid')).resolves.toBe('true');
    await page.getByText('Please tick this box').waitFor();

    await page.getByLabel('Your name').fill('Maria Lopez');
    await page.getByLabel('Phone number').fill('12');
    await page.getByLabel('Best time to call').selectOption('Morning');
    await page.getByLabel('Short note (optional)').fill('About my block next week');
    await page.getByLabel(/I agree/).check();
    await submit.click();
    // The server's reason shows under the field; what was typed is still there.
    await page.getByText(/phone number with 7 to 15 digits/).waitFor();
    await expect(page.getByLabel('Your name').inputValue()).resolves.toBe('Maria Lopez');
    await expect(page.getByLabel('Phone number').getAttribute('aria-invalid')).resolves.toBe('true');

    await page.getByLabel('Phone number').fill('(555) 010-0199');
    await submit.click();
    await page.getByText('Thank you. Your request was received').waitFor();
    const reference = (await page.getByText(/^Reference: /).textContent())!.replace('Reference: ', '');
    expect(reference).toMatch(/^[2-9A-Z]{2}-[2-9A-Z]{3}$/);

    const posts = requests.filter((r) => r.url().endsWith('/api/callback') && r.method() === 'POST');
    expect(posts).toHaveLength(2);
    const keys = await Promise.all(posts.map((r) => r.headerValue('idempotency-key')));
    expect(keys[0]).toMatch(/^[\da-f-]{32,36}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(requests.some((r) => /Maria|0100199|555/.test(r.url()))).toBe(false);
    expect(await page.evaluate(() => JSON.stringify({ ...sessionStorage, ...localStorage }))).not.toMatch(/Maria|010-0199/);

    const stored = await stack.callbacks();
    const mine = stored.find((c) => c.ref === reference)!;
    expect(mine).toMatchObject({ name: 'Maria Lopez', preferredTime: 'Morning', message: 'About my block next week' });
    expect(mine.phone.replace(/\D/g, '')).toContain('5550100199');
    expect(await page.evaluate(() => (window as unknown as { seen: unknown[] }).seen)).toEqual([{ id: mine.id }]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lets urgent symptoms take over the panel with numbers to call', async () => {
    const { context, page } = await open();
    await page.getByRole('button', { name: LAUNCHER }).click();
    await ask(page, 'I have chest pain');
    const heading = page.getByRole('heading', { name: 'Get help now' });
    await heading.waitFor();
    expect(await shadowActive(page)).toBe('sc-em');
    const view = page.locator('.emergency');
    const hrefs = await view.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    // A bodily emergency: 911 and the clinic's after-hours line, never the crisis line.
    expect(hrefs).toEqual(['tel:911', 'tel:8556817481']);
    await expect(page.getByLabel('Type your question').isVisible()).resolves.toBe(false);
    await view.getByRole('button', { name: 'Back to chat' }).click();
    await page.getByLabel('Type your question').waitFor();
    await context.close();
  });

  it('shows a red flag reported on weak evidence as "Get checked now", with the clinic beside 911', async () => {
    const { context, page } = await open();
    await page.getByRole('button', { name: LAUNCHER }).click();
    await ask(page, 'my chest feels weird since the shot');
    await page.getByRole('heading', { name: 'Get checked now' }).waitFor();
    const view = page.locator('.emergency');
    const hrefs = await view.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(['tel:911', 'tel:8556817480', 'tel:8556817481']);
    await context.close();
  });

  it('works with the keyboard alone: Tab, Enter, type, Enter, Escape', async () => {
    const { context, page } = await open();
    for (let i = 0; i < 5 && (await shadowActive(page)) !== 'launcher'; i++) await page.keyboard.press('Tab');
    expect(await shadowActive(page)).toBe('launcher');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor();
    await expect.poll(() => shadowActive(page)).toBe('sc-q');
    await page.keyboard.type('Can I drive after?');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /drive/i }).waitFor();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog').isVisible()).resolves.toBe(false);
    expect(await shadowActive(page)).toBe('launcher');
    await expect(page.getByRole('button', { name: LAUNCHER }).getAttribute('aria-expanded')).resolves.toBe('false');
    await context.close();
  });

  it('passes axe (shadow DOM included, any impact) on a strict-CSP host page, for a light clinic colour too', async () => {
    for (const attrs of [{}, { color: '#ffd54f' }] as Record<string, string>[]) {
      const { context, page } = await open(attrs);
      await page.getByRole('button', { name: LAUNCHER }).click();
      await ask(page, 'What is a medial branch block?');
      await page.getByRole('heading', { name: 'What is a medial branch block?' }).waitFor();
      await ask(page, 'what is the weather on mars');
      await page.getByRole('log').getByRole('button', { name: 'Request a call back' }).waitFor();
      expect(await axeViolations(page, 'widget'), JSON.stringify(attrs)).toEqual([]);
      await page.getByRole('log').getByRole('button', { name: 'Request a call back' }).first().click();
      await page.getByLabel('Your name').waitFor();
      expect(await axeViolations(page, 'widget'), 'call-back form').toEqual([]);
      // A yellow accent gets black text; its links are darkened to read on white.
      if (attrs.color) {
        const colors = await page.evaluate(() => {
          const root = document.querySelector('spine-chat')!.shadowRoot!;
          return [getComputedStyle(root.querySelector('.launcher')!).color, getComputedStyle(root.querySelector('.ghost')!).color];
        });
        expect(colors[0]).toBe('rgb(0, 0, 0)');
        expect(colors[1]).not.toBe('rgb(255, 213, 79)');
      }
      await context.close();
    }
  });

  it('is full screen on a phone and honours data-lang, data-position and data-z-index', async () => {
    const { context, page } = await open({ lang: 'es', position: 'left', 'z-index': '5' }, {
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      reducedMotion: 'reduce',
    });
    const launcher = page.getByRole('button', { name: /Preguntas/ });
    const box = (await launcher.boundingBox())!;
    expect(box.x).toBeLessThan(100);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('spine-chat')!).zIndex)).toBe('5');
    await launcher.tap();
    await page.getByLabel('Escriba su pregunta').waitFor();
    const panel = (await page.getByRole('dialog').boundingBox())!;
    expect([panel.x, panel.y, panel.width, panel.height]).toEqual([0, 0, 390, 844]);
    const fontSize = await page.getByLabel('Escriba su pregunta').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(16);
    // Full screen covers the page, so Tab and Shift+Tab wrap inside the panel.
    const inPanel = () => page.evaluate(() => {
      const root = document.querySelector('spine-chat')!.shadowRoot!;
      return root.querySelector('[role="dialog"]')!.contains(root.activeElement);
    });
    for (let i = 0; i < 15; i++) {
      await page.keyboard.press('Tab');
      expect(await inPanel(), `after ${i + 1} Tab`).toBe(true);
    }
    for (let i = 0; i < 15; i++) {
      await page.keyboard.press('Shift+Tab');
      expect(await inPanel(), `after ${i + 1} Shift+Tab`).toBe(true);
    }
    await page.getByRole('button', { name: 'Cerrar el chat' }).tap();
    await expect(page.getByRole('dialog').isVisible()).resolves.toBe(false);
    await context.close();
  });

  it('opens by itself with data-open, and fills the window at 200% zoom (1280x800 seen as 640x400)', async () => {
    const { context, page } = await open({ open: '' }, { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2, reducedMotion: 'reduce' });
    const dialog = page.getByRole('dialog');
    await page.getByLabel('Type your question').waitFor();
    // Opened by the page, not the visitor: focus stays where it was.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BODY');
    const box = (await dialog.boundingBox())!;
    expect([box.x, box.y, box.width, box.height]).toEqual([0, 0, 640, 400]);
    await ask(page, 'Can I drive after?');
    await page.getByRole('heading', { name: /drive/i }).waitFor();
    await context.close();
  });

  it('adds only window.SpineChat to the host page; open/close work and events carry nothing personal', async () => {
    const { context, page } = await open();
    const bare = await context.newPage();
    await bare.goto(host.page({ nowidget: '1' }));
    const before = await bare.evaluate(() => Object.getOwnPropertyNames(window));
    const after = await page.evaluate(() => Object.getOwnPropertyNames(window));
    expect(after.filter((k) => !before.includes(k))).toEqual(['SpineChat']);
    // The admin's page hears open, question and close, with nothing the visitor typed.
    await page.evaluate(() => {
      const chat = (window as unknown as { SpineChat: { on(e: string, h: (d?: unknown) => void): void; open(): void } }).SpineChat;
      const seen: unknown[] = [];
      (window as unknown as { seen: unknown[] }).seen = seen;
      for (const name of ['open', 'question', 'close']) chat.on(name, (detail) => seen.push([name, detail ?? null]));
      chat.open();
    });
    await page.getByLabel('Type your question').waitFor();
    await ask(page, 'What is a medial branch block?');
    await page.getByRole('heading', { name: 'What is a medial branch block?' }).waitFor();
    await page.evaluate(() => (window as unknown as { SpineChat: { close(): void } }).SpineChat.close());
    await expect(page.getByRole('dialog').isVisible()).resolves.toBe(false);
    const seen = await page.evaluate(() => (window as unknown as { seen: unknown[] }).seen);
    expect(seen).toEqual([
      ['open', null],
      ['question', { kind: 'answer', entryId: 'what-is-mbb' }],
      ['close', null],
    ]);
    await context.close();
  });

  it('still opens and shows the clinic phone when the app cannot load', async () => {
    // The site serves the loader itself; the app files beside it are missing.
    const site = await startHostPage('/widget.js', { loaderFrom: stack.widgetDir });
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(site.page({ phone: '(555) 010-0100' }));
      const launcher = page.getByRole('button', { name: LAUNCHER });
      await launcher.click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('The chat is unavailable right now. Please call the clinic:').waitFor();
      await expect(dialog.getByRole('link', { name: '(555) 010-0100' }).getAttribute('href')).resolves.toBe('tel:5550100100');
      await page.keyboard.press('Escape');
      await expect(dialog.isVisible()).resolves.toBe(false);
      expect(await shadowActive(page)).toBe('launcher');

      await page.goto(site.page());
      await page.getByRole('button', { name: LAUNCHER }).click();
      await page.getByRole('dialog').getByText('Please call the clinic.').waitFor();
    } finally {
      await context.close();
      await site.close();
    }
  });

  it('tells the visitor kindly, with the phone, when the server goes down after loading', async () => {
    const doomed = await startStack();
    const site = await startHostPage(`${doomed.url}/widget.js`);
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(site.page({ phone: '555-010-0100' }));
      await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /\/app-en-/.test(e.name)));
      await doomed.close();
      await page.getByRole('button', { name: LAUNCHER }).click();
      await page.getByText('The chat cannot reach the clinic right now.').waitFor();
      await ask(page, 'What is a medial branch block?');
      const failure = page.locator('.msg.alert').last();
      await failure.getByText(/Please try again, or call the clinic/).waitFor();
      await expect(failure.getByRole('link', { name: '555-010-0100' }).getAttribute('href')).resolves.toBe('tel:5550100100');
    } finally {
      await context.close();
      await site.close();
    }
  });

  it('says kindly when the visitor is rate limited', async () => {
    const strict = await startStack({ RATE_LIMIT_PER_MINUTE: '1' });
    const site = await startHostPage(`${strict.url}/widget.js`);
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(site.page());
      await page.getByRole('button', { name: LAUNCHER }).click();
      await ask(page, 'Can I drive after?');
      await page.getByRole('heading', { name: /drive/i }).waitFor();
      await ask(page, 'What is a medial branch block?');
      await page.getByText('Many questions at once. Please wait a moment, then try again.').waitFor();
    } finally {
      await context.close();
      await site.close();
      await strict.close();
    }
  });
});
