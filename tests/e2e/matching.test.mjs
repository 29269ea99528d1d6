// The coordinator's matching pages (issue 5, points 2, 4 and 5) in a real browser, on the demo's requests: the list
// and « Lancer l’appariement » reached and pressed with the keyboard, the proposals table, changing one proposal,
// the weights form (422 next to the field), the recruitment needs with their chart and table, one request's page.
// Every page passes axe-core (WCAG 2.1 AA) on a desktop and on a phone, and logs no console error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useEnvironment, login, axeViolations, formatViolations, tabTo, USERS } from './support.mjs';

const env = useEnvironment();

async function expectClean(p, where) {
  const violations = await axeViolations(p.page);
  assert.equal(violations.length, 0, formatViolations(violations, where));
  assert.deepEqual(p.watch.take(), [], `${where}: console errors or CSP violations`);
}

test('run the matching with the keyboard, review and change a proposal', { timeout: 180_000 }, async () => {
  const p = await env.newPage('desktop');
  const { page } = p;
  try {
    assert.equal(await login(page, USERS.coordinator.email, USERS.coordinator.password), 303);
    assert.equal((await page.goto('/interventions')).status(), 200);
    await page.getByRole('heading', { name: 'Interventions', level: 1 }).waitFor();
    assert.ok(await page.locator('header a[href="/interventions"]').count() > 0, 'the nav link « Interventions »');
    await expectClean(p, '/interventions');

    // Keyboard: Tab to « Lancer l’appariement », Enter.
    await tabTo(page, (f) => f.tag === 'BUTTON' && f.text === 'Lancer l’appariement', 'the run button', 60);
    await Promise.all([page.waitForURL(/\/interventions\?etat=appariement/), page.keyboard.press('Enter')]);
    assert.match(await page.locator('main').textContent(), /Appariement terminé : \d+ propositions?/);
    const rows = page.locator('#tableau-propositions').locator('xpath=..').locator('tbody tr');
    assert.ok(await rows.count() > 0, 'the demo requests get proposals');
    await expectClean(p, '/interventions after a run');

    // Change the first proposal that has another candidate.
    const links = await page.getByRole('link', { name: /^Changer l’ambassadrice proposée/ }).evaluateAll(
      (as) => as.map((a) => a.getAttribute('href')));
    let changed = false;
    for (const href of links) {
      assert.equal((await page.goto(href)).status(), 200);
      await expectClean(p, href);
      const radios = page.locator('input[type="radio"][name="candidate"]');
      if (await radios.count() === 0) continue;
      await radios.first().focus();
      await page.keyboard.press('Space');
      await Promise.all([page.waitForURL(/\/interventions\?etat=changee/),
        page.getByRole('button', { name: 'Proposer cette ambassadrice' }).click()]);
      assert.match(await page.locator('main').textContent(), /Proposition changée/);
      changed = true;
      break;
    }
    assert.ok(changed, 'one proposal has another candidate and was changed');

    // One request's page.
    const first = await page.locator('#tableau-demandes').locator('xpath=..').locator('tbody a').first().getAttribute('href');
    assert.equal((await page.goto(first)).status(), 200);
    await page.getByRole('heading', { name: 'Ambassadrices' }).waitFor();
    await expectClean(p, first);
  } finally {
    await p.context.close();
  }
});

test('weights form and recruitment needs, desktop and phone', { timeout: 180_000 }, async () => {
  for (const viewport of ['desktop', 'phone']) {
    const p = await env.newPage(viewport);
    const { page } = p;
    try {
      assert.equal(await login(page, USERS.coordinator.email, USERS.coordinator.password), 303);
      for (const path of ['/interventions', '/interventions/besoins', '/interventions/ponderations']) {
        assert.equal((await page.goto(path)).status(), 200, path);
        await expectClean(p, `${path} (${viewport})`);
      }
      // A bad road factor: 422, the message next to the field, the typed value kept.
      await page.getByLabel('Facteur routier').fill('beaucoup');
      p.watch.expectStatus(`${env.server.baseUrl}/interventions/ponderations`, 422);
      const [refused] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST'),
        page.getByRole('button', { name: 'Enregistrer' }).click(),
      ]);
      assert.equal(refused.status(), 422);
      await page.waitForLoadState('load');
      await page.locator('#poids-road_factor-erreur').waitFor();
      assert.equal(await page.getByLabel('Facteur routier').inputValue(), 'beaucoup');
      await expectClean(p, `weights refused (${viewport})`);
      await page.getByLabel('Facteur routier').fill('1,4');
      await Promise.all([page.waitForURL(/etat=enregistrees/), page.getByRole('button', { name: 'Enregistrer' }).click()]);
      assert.equal(await page.getByLabel('Facteur routier').inputValue(), '1,4');

      // The needs: the chart and its table (after a run).
      await page.goto('/interventions');
      await Promise.all([page.waitForURL(/etat=appariement/),
        page.getByRole('button', { name: 'Lancer l’appariement' }).click()]);
      await page.goto('/interventions/besoins');
      await page.getByRole('heading', { name: 'Besoins de recrutement' }).waitFor();
      if (await page.locator('#tableau-besoins').count() > 0)
        assert.ok(await page.locator('.chart-figure svg[role="img"]').count() === 1, 'the chart beside the table');
      await expectClean(p, `/interventions/besoins after a run (${viewport})`);
    } finally {
      await p.context.close();
    }
  }
});
