/**
 * When the server cannot store call-back requests (its PostgreSQL database
 * is down, so /api/callback answers 503), the form tells the visitor to
 * phone the clinic, with the number as a link, in English and in Spanish,
 * and keeps what they typed.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startPostgres, type TestPostgres } from '../support/postgres.ts';
import { describeInBrowser, launchBrowser, openPage, startHostPage, startStack, type HostPage, type Stack } from './harness.ts';

describeInBrowser('call-back form while the database is down', () => {
  let postgres: TestPostgres;
  let stack: Stack;
  let host: HostPage;
  let browser: Browser;
  beforeAll(async () => {
    postgres = await startPostgres();
    stack = await startStack({ DATABASE_URL: await postgres.createDatabase('outage') });
    host = await startHostPage(`${stack.url}/widget.js`);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await stack?.close();
    await postgres?.stop();
  });

  const cases = [
    { lang: 'en', launcher: /Questions\? Ask us/, says: 'We cannot take call-back requests online right now. Please phone the clinic' },
    { lang: 'es', launcher: /Preguntas/, says: 'Ahora no podemos recibir solicitudes de llamada en línea. Llame por teléfono a la clínica' },
  ];
  for (const { lang, launcher, says } of cases) {
    it(`says to phone, with the number, in ${lang}`, async () => {
      const { context, page } = await openPage(browser, host.page({ lang }), {}, launcher);
      try {
        await page.getByRole('button', { name: launcher }).click();
        await page.getByRole('dialog').getByRole('button', { name: /call back|callback|talk to|Pedir que me llamen/i }).first().click();
        await page.locator('input[name=name]').fill('Maria Lopez');
        await page.locator('input[name=phone]').fill('(555) 010-0199');
        await page.locator('input[name=consent]').check();
        // The clinic's number from /api/config (clinic.yaml), shown as a tel: link.
        const { phone } = ((await (await fetch(`${stack.url}/api/config`)).json()) as { clinic: { phone: string } }).clinic;
        await postgres.pause();
        try {
          await page.locator('form:has(input[name=consent]) button[type=submit]').click();
          const alert = page.getByRole('alert');
          await expect.poll(() => alert.textContent(), { timeout: 10_000 }).toBe(`${says}: ${phone}`);
          await expect(alert.getByRole('link', { name: phone }).getAttribute('href')).resolves.toBe(`tel:${phone.replace(/\D/g, '')}`);
          await expect(page.locator('input[name=name]').inputValue()).resolves.toBe('Maria Lopez');
        } finally {
          await postgres.resume();
        }
      } finally {
        await context.close();
      }
    });
  }
});
