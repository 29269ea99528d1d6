// The survey journey: the coordinator opens an action's questionnaire and shows its QR code; phones answer before
// the intervention, the coordinator switches to "after", the same phones answer again; the action's results and
// the dashboard show the change. The answer form, the link page and the results pass axe-core; the answer form is
// usable with the keyboard alone. Afterwards, the database holds no address, agent or time finer than the day.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { useEnvironment, login, axeViolations, formatViolations, USERS } from './support.mjs';

const env = useEnvironment();

async function expectNoViolations(page, where) {
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0, formatViolations(violations, where));
}

// "Réponses : 12 avant, 15 après" → { pre: 12, post: 15 } (the dashboard's survey section).
async function dashboardCounts(page) {
  await page.goto('/tableau-de-bord');
  const text = await page.locator('section[aria-labelledby="titre-regards"]').textContent();
  const m = text.replace(/\s+/g, ' ').match(/Réponses : (\d[\d\u202f\u00a0]*) avant, (\d[\d\u202f\u00a0]*) après/);
  assert.ok(m, `survey counts on the dashboard: ${text.slice(0, 300)}`);
  const n = (s) => Number(s.replace(/[\u202f\u00a0]/g, ''));
  return { pre: n(m[1]), post: n(m[2]), text };
}

// One pupil answers the six statements: values in template order (sales, bruyants, force_physique,
// aussi_pour_les_filles, je_pourrais, avenir); 'nsp' = je ne sais pas.
async function answer(page, token, values, code) {
  await page.goto(`/q/${token}`);
  const names = await page.locator('fieldset input[value="1"]').evaluateAll((els) => els.map((e) => e.name));
  assert.equal(names.length, 6, 'six statements');
  for (let i = 0; i < values.length; i += 1)
    await page.locator(`input[name="${names[i]}"][value="${values[i]}"]`).check();
  await page.getByLabel('Fille', { exact: true }).check();
  await page.getByLabel('Ta classe').selectOption('4e');
  if (code) await page.getByLabel('Ton code secret (facultatif)').fill(code);
  await page.getByRole('button', { name: 'Envoyer ma réponse' }).click();
  await page.getByText('Merci, ta réponse est enregistrée').waitFor();
}

test('QR code → phones answer before and after → results and dashboard show the change', async () => {
  const coord = await env.newPage('desktop');
  assert.equal(await login(coord.page, USERS.coordinator.email, USERS.coordinator.password), 303);

  // A validated action of today, declared by the coordinator.
  await coord.page.goto('/actions/nouvelle');
  await coord.page.getByLabel('Type d’action').selectOption('temoignage_classe');
  await coord.page.getByLabel('Filles', { exact: true }).fill('14');
  await coord.page.getByLabel('Garçons', { exact: true }).fill('12');
  await coord.page.getByRole('button', { name: 'Déclarer l’action' }).click();
  await coord.page.waitForURL(/\/actions\/\d+/);
  const actionPath = new URL(coord.page.url()).pathname;
  const validate = coord.page.getByRole('button', { name: 'Valider l’action' });
  if (await validate.count()) {
    await validate.click();
    await coord.page.getByText('Action validée').waitFor();
  }
  const before = await dashboardCounts(coord.page);

  // The questionnaire: the pupils' before/after one.
  await coord.page.goto(actionPath);
  const select = coord.page.getByLabel('Questionnaire à proposer');
  if (await select.count()) {
    const value = await select.locator('option', { hasText: 'Ton regard sur les métiers' }).first().getAttribute('value');
    await select.selectOption(value);
  }
  await coord.page.getByRole('button', { name: /^Créer le/ }).click();
  await coord.page.waitForURL(/\/enquetes\/\d+/);
  const linkPath = new URL(coord.page.url()).pathname;
  assert.ok(await coord.page.locator('figure.qr svg[role="img"]').isVisible(), 'the QR code is shown');
  const shortUrl = await coord.page.locator('.short-url a').textContent();
  const token = shortUrl.match(/\/q\/([A-Z0-9]{6})$/)[1];
  await expectNoViolations(coord.page, 'survey link with QR code');
  const png = await coord.page.request.get(`${linkPath}/qr.png`);
  assert.equal(png.headers()['content-type'], 'image/png');

  // Six phones before: one agrees "aussi pour les filles" (4–5); the others do not.
  const phones = [];
  for (let i = 0; i < 6; i += 1) phones.push(await env.newPage('phone'));
  const first = phones[0].page;
  await first.goto(`/q/${token}`);
  await expectNoViolations(first, 'answer form (phone)');
  assert.equal((await first.context().cookies()).length, 0, 'reading the form sets no cookie');
  const started = Date.now();
  for (let i = 0; i < 6; i += 1)
    await answer(phones[i].page, token, ['4', '3', 'nsp', i === 0 ? '5' : '2', '2', '3'], `E2E${i}`);
  assert.ok(Date.now() - started < 60_000, 'six pupils answered in under a minute');
  await expectNoViolations(first, 'thank-you page');
  const cookies = await first.context().cookies();
  assert.deepEqual(cookies.map((c) => [c.name, c.value, c.path]), [[`pq_${token}`, 'pre', `/q/${token}`]],
    'one cookie, scoped to the link, without identifier');
  await first.goto(`/q/${token}`);
  assert.ok((await first.locator('main').textContent()).includes('Tu as déjà répondu avant l’intervention'));

  // The coordinator switches to "after"; the same phones answer again, five now agree.
  await coord.page.goto(linkPath);
  await coord.page.getByRole('button', { name: 'Passer aux réponses d’après l’action' }).click();
  await coord.page.getByText('Étape du questionnaire changée').waitFor();
  for (let i = 0; i < 6; i += 1)
    await answer(phones[i].page, token, ['2', '3', 'nsp', i === 5 ? '2' : '5', '4', '4'], `e2e${i}`);

  // Keyboard only: a seventh phone answers one statement with Tab, arrows and Space, and sends with Enter.
  const kb = await env.newPage('phone');
  await kb.page.goto(`/q/${token}`);
  await kb.page.keyboard.press('Tab');
  await kb.page.keyboard.press('Tab');
  await kb.page.keyboard.press('Space');
  const checked = await kb.page.locator('input[type="radio"]:checked').count();
  assert.equal(checked, 1, 'a radio button is checked from the keyboard');
  await kb.page.getByRole('button', { name: 'Envoyer ma réponse' }).focus();
  await kb.page.keyboard.press('Enter');
  await kb.page.getByText('Merci, ta réponse est enregistrée').waitFor();

  // Results of the action.
  await coord.page.goto(`${linkPath}/resultats`);
  const results = (await coord.page.locator('main').textContent()).replace(/[ \t\n\r]+/g, ' ');
  assert.ok(results.includes('16,7\u202f%'), 'before: 1 of 6 agree');
  assert.ok(results.includes('83,3\u202f%'), 'after: 5 of 6 agree');
  assert.ok(results.includes('+66,7\u00a0pts'), 'the change in points');
  assert.ok(results.includes('6 réponse(s) d’après reliée(s)'), 'codes link before and after, whatever the case');
  await expectNoViolations(coord.page, 'survey results');

  // The dashboard counts the new answers of the validated action.
  const after = await dashboardCounts(coord.page);
  assert.equal(after.pre - before.pre, 6);
  assert.equal(after.post - before.post, 7);
  await expectNoViolations(coord.page, 'dashboard with surveys');
  await coord.page.goto('/enquetes/resultats');
  await expectNoViolations(coord.page, 'survey results of the territory');

  for (const p of [...phones, kb]) assert.deepEqual(p.watch.take(), []);
  for (const p of [...phones, kb, coord]) await p.context.close();

  // The database: answers hold the day only; no column or value looks like an address, an agent or a time.
  const file = env.server.db.replace(/^sqlite:/, '');
  const q = (sql) => execFileSync('sqlite3', ['-json', file, sql], { encoding: 'utf8' }).trim();
  const columns = JSON.parse(q('SELECT name FROM pragma_table_info(\'survey_responses\') UNION ALL '
    + 'SELECT name FROM pragma_table_info(\'survey_answers\')')).map((r) => r.name);
  for (const c of columns) assert.doesNotMatch(c, /ip|addr|agent|time|_at$/i, `column ${c}`);
  const rows = JSON.parse(q(`SELECT r.* FROM survey_responses r JOIN survey_links l ON l.id = r.link_id WHERE l.token = '${token}'`));
  assert.equal(rows.length, 13);
  for (const r of rows) {
    assert.match(r.day, /^\d{4}-\d{2}-\d{2}$/);
    for (const v of Object.values(r)) assert.doesNotMatch(String(v), /127\.0\.0\.1|Mozilla|Chrome|\d{2}:\d{2}/);
  }
});
