// An ambassador declares an action on her phone in four fields; the coordinator validates it from the list; the
// indicators count it at once. Every page of the journey passes axe-core, and the form works with the keyboard.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useEnvironment, login, axeViolations, formatViolations, USERS } from './support.mjs';

const env = useEnvironment();

async function expectNoViolations(page, where) {
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0, formatViolations(violations, where));
}

// People reached this school year, from the indicators API (same figures as the dashboard).
async function peopleReached(page) {
  const r = await page.request.get('/api/v1/indicators?from=2026-09&to=2027-08');
  assert.equal(r.status(), 200, await r.text());
  return (await r.json()).people_reached;
}

test('an ambassador declares on a phone, the coordinator validates, the count moves', async () => {
  const amb = await env.newPage('phone');
  assert.equal(await login(amb.page, USERS.ambassador.email, USERS.ambassador.password), 303);
  await amb.page.goto('/actions/nouvelle');
  await expectNoViolations(amb.page, 'declaration form (phone)');

  const started = Date.now();
  await amb.page.getByLabel('Type d’action').selectOption('temoignage_classe');
  // The date is today by default. The school: type a few letters, take the first suggestion.
  const school = amb.page.getByLabel('Établissement 1');
  await school.pressSequentially('college', { delay: 20 });
  await amb.page.locator('#school-options option').first().waitFor({ state: 'attached' });
  const suggestion = await amb.page.locator('#school-options option').first().getAttribute('value');
  assert.match(suggestion, /^\d{7}[A-Z] — /, 'suggestions are "UAI — name"');
  await school.fill(suggestion);
  await amb.page.getByLabel('Filles', { exact: true }).fill('13');
  await amb.page.getByLabel('Garçons', { exact: true }).fill('12');
  await amb.page.getByRole('button', { name: 'Déclarer l’action' }).click();
  await amb.page.getByText('Action déclarée').waitFor();
  assert.ok(Date.now() - started < 60_000, 'declared in under a minute');
  const actionPath = new URL(amb.page.url()).pathname;
  assert.match(actionPath, /^\/actions\/\d+$/);
  assert.ok((await amb.page.locator('main').textContent()).includes('En attente de validation'));
  await expectNoViolations(amb.page, 'declared action (phone)');
  assert.deepEqual(amb.watch.take(), []);

  const coord = await env.newPage('desktop');
  await login(coord.page, USERS.coordinator.email, USERS.coordinator.password);
  const before = await peopleReached(coord.page);
  await coord.page.goto('/actions?statut=declared');
  await expectNoViolations(coord.page, 'actions waiting for validation');
  const id = actionPath.split('/').pop();
  await coord.page.locator(`form[action="/actions/${id}/valider"] button`).click();
  await coord.page.getByText('Action validée').waitFor();
  const after = await peopleReached(coord.page);
  assert.equal(after - before, 25, 'the 13 girls and 12 boys are counted once validated');

  await coord.page.goto(actionPath);
  assert.ok((await coord.page.locator('main').textContent()).includes('Compte pour 25 personnes'));
  await expectNoViolations(coord.page, 'validated action');
  assert.deepEqual(coord.watch.take(), []);
  await amb.context.close();
  await coord.context.close();
});

test('a bad count comes back next to the field, reachable with the keyboard', async () => {
  const { page, watch, context } = await env.newPage('desktop');
  await login(page, USERS.ambassador.email, USERS.ambassador.password);
  await page.goto('/actions/nouvelle');
  watch.expectStatus(new URL('/actions/nouvelle', page.url()).href, 422);
  await page.getByLabel('Type d’action').selectOption('forum_salon');
  await page.getByLabel('Filles', { exact: true }).fill('-4');
  await page.getByLabel('Filles', { exact: true }).press('Enter');
  await page.locator('#action-girls-error').waitFor();
  assert.equal(await page.getByLabel('Filles', { exact: true }).getAttribute('aria-invalid'), 'true');
  // The summary links to the field.
  await page.locator('.error-summary a[href="#action-girls"]').focus();
  await page.keyboard.press('Enter');
  await expectNoViolations(page, 'form with errors');
  assert.deepEqual(watch.take(), []);
  await context.close();
});
