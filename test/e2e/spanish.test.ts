/**
 * The demo clinic in Spanish, from the built CDN files: the language switch reloads the clinic page
 * in Spanish, the booking speaks Spanish with the service's Spanish name, the next step links the
 * Spanish questionnaire, whose screening page, PHQ-9 (the official Spanish form) and crisis panel
 * are Spanish while the GAD-7 is shown in English marked lang="en", with a warning for the website
 * team and no other console message, CSP or Trusted Types violation.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { chooseLatestTime, launchBrowser, startDemo, watchPage, type RunningDemo } from './harness.js';

let demo: RunningDemo;
let browser: Browser;

before(async () => {
  demo = await startDemo();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await demo?.stop();
});

const client = { name: 'Valentina Ortega-Ruiz', email: 'valentina.or@example.com', phone: '+1 212 555 0199' };

describe('the demo clinic in Spanish', () => {
  test('the switch reloads the page in Spanish; booking, next steps and the questionnaire follow', async () => {
    const page = await browser.newPage({ timezoneId: 'America/New_York', locale: 'es-US' });
    const watch = watchPage(page);
    await page.goto(demo.demoUrl);
    await page.getByRole('link', { name: 'Español' }).click();
    await page.waitForURL(/\/es\/$/);
    assert.equal(await page.locator('html').getAttribute('lang'), 'es');

    const booking = page.locator('kap-booking');
    await booking.getByRole('heading', { name: 'Elija una hora' }).waitFor();
    assert.equal((await booking.locator('.service-name').innerText()).trim(), 'Consulta inicial');
    await chooseLatestTime(booking);
    await booking.getByRole('heading', { name: 'Sus datos' }).waitFor();
    await booking.getByLabel('Nombre y apellidos', { exact: true }).fill(client.name);
    await booking.getByLabel('Correo electrónico', { exact: true }).fill(client.email);
    await booking.getByLabel('Número de teléfono', { exact: true }).fill(client.phone);
    await booking.getByLabel('Acepto el aviso de privacidad').check();
    await booking.getByRole('button', { name: 'Confirmar la reserva' }).click();
    await booking.locator('#done-heading').waitFor();

    const intakeLink = page.locator('#intake-link');
    await intakeLink.waitFor();
    const intakeUrl = new URL((await intakeLink.getAttribute('href')) ?? '', demo.demoUrl);
    assert.equal(intakeUrl.pathname, '/es/intake.html', 'the next step stays in Spanish');
    await intakeLink.click();
    await page.waitForURL(/\/es\/intake\.html/);

    const intake = page.locator('kap-intake');
    await intake.getByRole('heading', { name: 'Sus datos' }).waitFor();
    await intake.getByLabel('Nombre y apellidos', { exact: true }).fill(client.name);
    await intake.getByLabel('Día').fill('14');
    await intake.getByLabel('Mes').fill('7');
    await intake.getByLabel('Año').fill('1979');
    await intake.getByLabel('Correo electrónico', { exact: true }).fill(client.email);
    await intake.getByLabel('Número de teléfono', { exact: true }).fill(client.phone);
    await intake.getByRole('button', { name: 'Continuar' }).click();

    await intake.getByRole('heading', { name: 'Su salud' }).waitFor();
    const groups = intake.locator('fieldset');
    for (let i = 0; i < (await groups.count()); i++) {
      const group = groups.nth(i);
      const none = group.getByLabel(/^Ningun[oa] de est[oa]s$/);
      if (await none.count()) await none.check();
      else await group.getByLabel('No', { exact: true }).check();
    }
    await intake.getByRole('button', { name: 'Continuar' }).click();

    await intake.getByRole('heading', { name: 'Cómo se ha sentido' }).waitFor();
    const stem = 'Durante las últimas 2 semanas, ¿qué tan seguido ha tenido molestias debido a los siguientes problemas?';
    assert.equal((await intake.locator('legend').first().innerText()).trim(), stem, 'the official Spanish PHQ-9');
    const rows = intake.locator('fieldset fieldset');
    for (let i = 0; i < 9; i++)
      await rows
        .nth(i)
        .getByLabel(i === 8 ? 'Varios días' : 'Ningún día')
        .check();
    const crisis = intake.locator('[part~="crisis"]');
    await crisis.waitFor();
    assert.match(await crisis.innerText(), /Hay apoyo disponible ahora mismo/);
    assert.match(await crisis.innerText(), /En español: llame al 988 y oprima el 2, o envíe la palabra AYUDA por mensaje de texto al 988\./);
    await intake.getByRole('button', { name: 'Continuar' }).click();

    await intake.getByRole('heading', { name: 'Preocupación y ansiedad' }).waitFor();
    const gadStem = intake.locator('legend [lang="en"]').first();
    assert.equal(await gadStem.innerText(), 'Over the last 2 weeks, how often have you been bothered by the following problems?');
    assert.equal(await intake.locator('[part~="notice"][lang="en"]').count(), 1, 'the GAD-7’s notice is marked English too');

    const warnings = watch.problems.filter((line) => line.startsWith('<kap-intake>'));
    assert.equal(warnings.length, 2, warnings.join('\n'));
    assert.ok(warnings.some((line) => line.includes('(GAD-7) has no official "es" translation')));
    assert.ok(warnings.some((line) => line.includes('(PCL-5) has no official "es" translation')));
    assert.deepEqual(
      watch.problems.filter((line) => !warnings.includes(line)),
      [],
      'no other console message, CSP or Trusted Types violation',
    );
    await page.close();
  });
});
