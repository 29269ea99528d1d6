// In-place editing with htmx: the edit form opens inside the page, a validation error stays in place next to
// the field, and a valid change shows the updated record without a page load — all under the site's CSP.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useEnvironment, login, axeViolations, formatViolations, USERS } from './support.mjs';

const env = useEnvironment();

test('an organisation is edited in place', async () => {
  const { page, watch } = await env.newPage('phone');
  await login(page, USERS.coordinator.email, USERS.coordinator.password);
  await page.goto('/annuaire/organisations');
  await page.locator('#resultats tbody a').first().click();
  const detailUrl = page.url();
  // The 422 answer to the bad value is expected (Chromium logs every 4xx of a request).
  watch.expectStatus(`${detailUrl.split('?')[0]}/modifier`, 422);
  let navigations = 0;
  page.on('framenavigated', (f) => { if (f === page.mainFrame()) navigations += 1; });

  await page.getByRole('link', { name: 'Modifier la fiche' }).click();
  const phone = page.getByLabel('Téléphone');
  await phone.waitFor();
  assert.equal(page.url(), detailUrl, 'the form opened without leaving the page');
  assert.equal(await page.locator('h1').count(), 1);

  // A bad value: the form stays, with the French message next to the field.
  await phone.fill('pas un numéro');
  await page.getByRole('button', { name: /Enregistrer/ }).click();
  await page.locator('#contenu [aria-invalid="true"]').first().waitFor();
  assert.equal(await phone.getAttribute('aria-invalid'), 'true');
  let violations = await axeViolations(page);
  assert.equal(violations.length, 0, formatViolations(violations, 'inline edit with an error'));

  // A good value: the record shows it, with the confirmation, still without a page load.
  await phone.fill('03 81 00 00 42');
  await page.getByRole('button', { name: /Enregistrer/ }).click();
  await page.getByText('Modifications enregistrées.').waitFor();
  assert.ok((await page.locator('#contenu').textContent()).includes('03 81 00 00 42'));
  assert.equal(navigations, 0, 'no full page load');
  assert.equal(await page.evaluate(() => document.activeElement && document.activeElement.tagName), 'H1',
    'focus moves to the heading of the new content');
  violations = await axeViolations(page);
  assert.equal(violations.length, 0, formatViolations(violations, 'after an inline edit'));
  assert.deepEqual(watch.take(), [], 'no console or CSP error');
});
