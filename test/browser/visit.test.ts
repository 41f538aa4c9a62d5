/**
 * Where a real visit caught on the widget: larger text, a phone, keyboard
 * use, a failed send, a "No", after hours, and an axe scan of every state.
 * The real server and knowledge base; the clock is the page's own, fixed
 * with Playwright where the hours matter.
 */
import type { Browser, Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import type { UnansweredQuestion } from '../../server/api/contract.ts';
import { ADMIN_TOKEN, ask, axeViolations, describeInBrowser, LAUNCHER, openPage, shadowActive, startHostPage, useSite, type HostPage, type Stack } from './harness.ts';

/** Friday 2026-03-06, 17:30 in Chicago (the demo clinic's zone): closed until Monday 08:00. */
const FRIDAY_EVENING = new Date('2026-03-06T23:30:00Z');
/** Wednesday 2026-03-04, 10:15 in Chicago: open. */
const WEDNESDAY_MORNING = new Date('2026-03-04T16:15:00Z');

describeInBrowser('a real visit', () => {
  const site = useSite();
  let browser: Browser;
  let stack: Stack;
  let host: HostPage;
  beforeAll(() => ({ browser, stack, host } = site));

  const fontSize = (page: Page, selector: string) =>
    page.evaluate((s) => getComputedStyle(document.querySelector('spine-chat')!.shadowRoot!.querySelector(s)!).fontSize, selector);

  /** The browser's "font size" setting (Settings › Appearance), as a visitor who needs larger text sets it. */
  async function openWithDefaultFontSize(px: number, options: Parameters<Browser['newContext']>[0]) {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: px } });
    await page.goto(host.page());
    return { context, page };
  }

  it('grows with the browser’s text size setting, whatever the host page does to its root font-size', async () => {
    const { context, page } = await openWithDefaultFontSize(28, { viewport: { width: 1280, height: 800 } });
    // The host page sets html { font-size: 62.5% } and 31px on every div; neither reaches inside.
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('17.5px');
    await page.getByRole('button', { name: LAUNCHER }).click();
    await page.getByLabel('Type your question').waitFor();
    // 17px at the default 16px; 28 × 17 / 16 with larger text.
    expect(await fontSize(page, '.launcher')).toBe('29.75px');
    expect(await fontSize(page, '#sc-q')).toBe('29.75px');
    const panel = (await page.getByRole('dialog').boundingBox())!;
    // Within the window: the taller text must not push the panel's top off screen.
    expect(panel.x).toBeGreaterThanOrEqual(0);
    expect(panel.y).toBeGreaterThanOrEqual(0);
    expect(panel.width).toBeGreaterThan(600);
    await context.close();
  });

  it('with larger text at 200% zoom still fills the window and answers', async () => {
    const { context, page } = await openWithDefaultFontSize(28, { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2, reducedMotion: 'reduce' });
    await page.getByRole('button', { name: LAUNCHER }).click();
    const box = (await page.getByRole('dialog').boundingBox())!;
    expect([box.x, box.y, box.width, box.height]).toEqual([0, 0, 640, 400]);
    expect(await fontSize(page, '#sc-q')).toBe('29.75px');
    await ask(page, 'Can I drive after?');
    await page.getByRole('heading', { name: /drive/i }).waitFor();
    await context.close();
  });

  it('keeps the "chat unavailable" card inside a phone screen', async () => {
    const site = await startHostPage('/widget.js', { loaderFrom: stack.widgetDir });
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    try {
      const page = await context.newPage();
      await page.goto(site.page({ phone: '(555) 010-0100' }));
      await page.getByRole('button', { name: LAUNCHER }).tap();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('The chat is unavailable right now').waitFor();
      const box = (await dialog.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    } finally {
      await context.close();
      await site.close();
    }
  });

  it('after a keyboard send, focus is on the confirmation (reference and when to expect the call) and Escape still closes', async () => {
    const { context, page } = await openPage(browser, host.page());
    await page.clock.setFixedTime(FRIDAY_EVENING);
    await page.getByRole('button', { name: LAUNCHER }).click();
    await ask(page, 'what is the weather on mars');
    await page.getByRole('log').getByRole('button', { name: 'Request a call back' }).click();
    await page.getByLabel('Your name').fill('Keyboard Kim');
    await page.getByLabel('Phone number').fill('555 010 0142');
    await page.getByLabel(/I agree/).check();
    await page.getByRole('button', { name: 'Send request' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Thank you. Your request was received').waitFor();
    expect(await page.evaluate(() => document.querySelector('spine-chat')!.shadowRoot!.activeElement?.textContent)).toMatch(/^Thank you/);
    const reference = (await page.getByText(/^Reference: /).textContent())!.replace('Reference: ', '');
    expect(reference).toMatch(/^[2-9A-Z]{2}-[2-9A-Z]{3}$/);
    await page.locator('.done').getByText("We're closed now; expect a call on Monday morning.").waitFor();
    // Staff see the same reference.
    expect((await stack.callbacks()).find((c) => c.name === 'Keyboard Kim')?.ref).toBe(reference);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog').isVisible()).resolves.toBe(false);
    expect(await shadowActive(page)).toBe('launcher');
    await context.close();
  });

  it('says when the clinic is closed, in the greeting and beside the call-back offer; says nothing extra while open', async () => {
    const closed = await openPage(browser, host.page());
    await closed.page.clock.setFixedTime(FRIDAY_EVENING);
    await closed.page.getByRole('button', { name: LAUNCHER }).click();
    await closed.page.getByRole('log').getByText("We're closed now and open again on Monday morning.").waitFor();
    await ask(closed.page, 'what is the weather on mars');
    await closed.page.getByRole('log').getByText("We're closed now; expect a call on Monday morning.").waitFor();
    await closed.context.close();

    const open = await openPage(browser, host.page({ lang: 'es' }), {}, /Preguntas/);
    await open.page.clock.setFixedTime(WEDNESDAY_MORNING);
    await open.page.getByRole('button', { name: /Preguntas/ }).click();
    await ask(open.page, 'cual es el clima en marte', 'Escriba su pregunta');
    await open.page.getByRole('log').getByText('Ahora estamos abiertos; espere una llamada hoy.').waitFor();
    expect(await open.page.getByRole('log').innerText()).not.toMatch(/cerrados/);
    await open.context.close();
  });

  it('keeps a question that could not be sent, and offers to try again', async () => {
    const { context, page } = await openPage(browser, host.page());
    await page.getByRole('button', { name: LAUNCHER }).click();
    await page.getByText('Answers are general information').waitFor();
    await page.route('**/api/ask', (route) => route.abort());
    await ask(page, 'Can I drive after?');
    await page.getByText('Sorry, that did not work.').waitFor();
    await expect(page.getByLabel('Type your question').inputValue()).resolves.toBe('Can I drive after?');
    await page.unroute('**/api/ask');
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('heading', { name: /drive/i }).waitFor();
    // The retry answers the same bubble: no second copy of the question, and the error is gone.
    expect(await page.locator('.me').allInnerTexts()).toEqual(['Can I drive after?']);
    expect(await page.getByText('Sorry, that did not work.').count()).toBe(0);
    await context.close();
  });

  it('after "No", asks in one optional line what was missing, files it for staff (redacted) and offers the call back', async () => {
    const { context, page } = await openPage(browser, host.page());
    await page.getByRole('button', { name: LAUNCHER }).click();
    await ask(page, 'How should I prepare for my block?');
    const answer = page.locator('.msg').filter({ has: page.getByRole('heading', { name: /prepare/i }) });
    await answer.waitFor();
    await answer.getByRole('group', { name: 'Was this helpful?' }).getByRole('button', { name: 'No' }).click();
    await answer.getByRole('button', { name: 'Request a call back' }).waitFor();
    const note = answer.getByLabel('What was missing? (optional)');
    await note.fill('Nothing on parking. Text me at 555-867-5309');
    await note.press('Enter');
    await answer.getByText('Thank you for your feedback.').waitFor();
    await answer.getByRole('button', { name: 'Request a call back' }).waitFor();
    await expect
      .poll(async () => {
        const res = await fetch(`${stack.url}/api/admin/unanswered`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
        return ((await res.json()) as UnansweredQuestion[]).find((q) => q.example.startsWith('Nothing on parking'));
      })
      .toMatchObject({ example: 'Nothing on parking. Text me at [phone]', entryId: 'preparation' });

    // A "No" whose line is left empty still counts once the visitor asks on.
    const before = await notHelpful('what-is-mbb');
    await ask(page, 'What is a medial branch block?');
    const second = page.locator('.msg').filter({ has: page.getByRole('heading', { name: 'What is a medial branch block?' }) });
    await second.getByRole('button', { name: 'No' }).click();
    await second.getByLabel('What was missing? (optional)').waitFor();
    await ask(page, 'Can I drive after?');
    await expect.poll(() => notHelpful('what-is-mbb')).toBe(before + 1);
    await context.close();
  });

  const notHelpful = async (entryId: string): Promise<number> => {
    const res = await fetch(`${stack.url}/api/admin/feedback`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    return ((await res.json()) as Array<{ entryId: string; notHelpful: number }>).find((f) => f.entryId === entryId)?.notHelpful ?? 0;
  };

  it('passes axe, any impact, on the demo page in every state: greeting, answer, fallback, form with errors, confirmation, emergency', async () => {
    const { context, page } = await openPage(browser, stack.url);
    await page.clock.setFixedTime(FRIDAY_EVENING);
    const scan = async (state: string) => expect(await axeViolations(page), state).toEqual([]);
    await page.getByRole('button', { name: LAUNCHER }).click();
    await page.getByRole('log').getByText('open again on Monday').waitFor();
    await scan('greeting');
    await ask(page, 'What is a medial branch block?');
    await page.getByRole('dialog').getByRole('heading', { name: 'What is a medial branch block?' }).waitFor();
    await scan('answer');
    await ask(page, 'what is the weather on mars');
    await page.getByRole('log').getByText('expect a call on Monday').waitFor();
    await scan('fallback');
    await page.getByRole('log').getByRole('button', { name: 'Request a call back' }).last().click();
    await page.getByRole('button', { name: 'Send request' }).click();
    await page.getByText('Please tick this box').waitFor();
    await scan('form with errors');
    await page.getByLabel('Your name').fill('Axe Scan');
    await page.getByLabel('Phone number').fill('555 010 0143');
    await page.getByLabel(/I agree/).check();
    await page.getByRole('button', { name: 'Send request' }).click();
    await page.getByText('Thank you. Your request was received').waitFor();
    await scan('confirmation');
    await page.getByRole('button', { name: 'Back to chat' }).click();
    await ask(page, 'I have chest pain');
    await page.getByRole('heading', { name: 'Get help now' }).waitFor();
    await scan('emergency');
    await context.close();
  });
});
