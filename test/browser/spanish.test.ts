/**
 * A Spanish speaker's visit: the answer and the emergency screen come in the
 * language the question is written in, under the Spanish interface and under
 * the English one (a Spanish speaker may land on an English page).
 */
import type { Browser } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { ask, describeInBrowser, LAUNCHER, openPage, useSite, type HostPage } from './harness.ts';

describeInBrowser('Spanish, end to end', () => {
  const site = useSite();
  let browser: Browser;
  let host: HostPage;
  beforeAll(() => ({ browser, host } = site));

  it('under the Spanish interface: a Spanish answer, then a Spanish emergency screen with 911', async () => {
    const { context, page, problems } = await openPage(browser, host.page({ lang: 'es' }), {}, /Preguntas/);
    await page.getByRole('button', { name: /Preguntas/ }).click();
    await ask(page, 'cuando puedo volver a manejar despues del bloqueo', 'Escriba su pregunta');
    await page.getByRole('heading', { name: /manejar/i }).waitFor();
    expect(await page.getByRole('log').innerText()).toMatch(/manejar/);

    await ask(page, 'no puedo mover las piernas desde la inyeccion', 'Escriba su pregunta');
    const view = page.locator('.emergency');
    await page.getByRole('heading', { name: 'Busque ayuda ahora' }).waitFor();
    expect(await view.innerText()).toMatch(/Llame al 911/);
    const hrefs = await view.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(['tel:911', 'tel:8556817481']);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('under the English interface: a Spanish question still gets Spanish, and a wish to die gets the 988 Lifeline in Spanish', async () => {
    const { context, page, problems } = await openPage(browser, host.page(), {}, LAUNCHER);
    await page.getByRole('button', { name: LAUNCHER }).click();
    await ask(page, '¿Necesito que alguien me lleve a casa después de la inyección?');
    await page.getByRole('heading', { name: /lleve a casa|casa/i }).waitFor();

    await ask(page, 'ya no quiero vivir');
    const view = page.locator('.emergency');
    await view.waitFor();
    expect(await view.innerText()).toMatch(/marque 2/);
    const hrefs = await view.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs[0]).toBe('tel:988');
    expect(problems).toEqual([]);
    await context.close();
  });
});
