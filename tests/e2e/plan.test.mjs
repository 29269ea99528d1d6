// The action plan in a browser: a coordinator creates an initiative with a yearly target, then a grant that ends
// in 45 days paying for it, and the plan warns her, naming the initiative. Every plan page and form (with and
// without errors) has no axe-core violation, on a desktop and on a phone, and logs no console or CSP error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useEnvironment, login, axeViolations, formatViolations, USERS, VIEWPORTS } from './support.mjs';

const env = useEnvironment();

// 'YYYY-MM-DD' in Paris, `days` from today.
function parisDay(days = 0) {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function expectAccessible(page, where) {
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0, formatViolations(violations, where));
}

test('a coordinator plans an initiative, funds it, and is warned before the grant ends', { timeout: 120_000 }, async () => {
  const { context, page, watch } = await env.newPage('desktop');
  try {
    const suffix = Date.now().toString(36);
    const initiative = `Mentorat de lycéennes ${suffix}`;
    const funder = `Région Bourgogne-Franche-Comté ${suffix}`;
    await login(page, USERS.coordinator.email, USERS.coordinator.password);

    await page.goto('/plan');
    await page.getByRole('link', { name: 'Ajouter une initiative' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nouvelle initiative' }).waitFor();
    await page.getByLabel('Axe du plan').fill('Axe 1 — Accompagner vers les métiers');
    await page.getByLabel('Nom de l’initiative *').fill(initiative);
    await page.getByLabel('Objectif', { exact: true }).fill('Accompagner des lycéennes vers un BTS industriel.');
    await page.getByLabel('Filles scolarisées (collège, lycée)').check();
    await page.getByLabel('Indicateur, ligne 1').selectOption('girls');
    await page.getByLabel('Cible, ligne 1').fill('250');
    assert.equal(await page.getByLabel('Année, ligne 1').inputValue(), parisDay().slice(0, 4), 'the year is prefilled');
    await page.getByRole('button', { name: 'Créer l’initiative' }).click();
    await page.getByRole('heading', { level: 1, name: initiative }).waitFor();
    const targets = page.getByRole('table', { name: 'Objectifs chiffrés par année' });
    assert.match(await targets.innerText(), /Filles sensibilisées\s+250/);

    // A grant typed the French way, ending in 45 days, paying for the new initiative.
    await page.goto('/plan/financements/nouveau');
    await page.getByLabel('Financeur *').fill(funder);
    await page.getByLabel('Montant *').fill('12 500,50 €');
    await page.getByLabel('Date de début *').fill(parisDay(-300));
    await page.getByLabel('Date de fin *').fill(parisDay(45));
    await page.getByLabel(initiative).check();
    await page.getByRole('button', { name: 'Créer le financement' }).click();
    await page.waitForURL((url) => url.pathname === '/plan');

    const warning = page.getByRole('alert').getByRole('listitem').filter({ hasText: funder });
    await warning.waitFor();
    const text = (await warning.innerText()).replace(/\u00a0/g, ' ');
    assert.ok(text.includes(`La subvention « ${funder} » (12 500,50 €) se termine le`), text);
    assert.ok(text.includes('dans 45 jours'), text);
    assert.ok(text.includes(`elle finance « ${initiative} »`), text);
    const fundings = page.getByRole('table', { name: 'Financements du plan d’action' });
    assert.ok((await fundings.innerText()).includes(initiative));
    await expectAccessible(page, '/plan with a grant warning');
    assert.deepEqual(watch.take(), [], 'no console or CSP error');
  } finally {
    await context.close();
  }
});

for (const viewport of Object.keys(VIEWPORTS)) {
  test(`plan pages and forms are accessible at ${viewport} size`, { timeout: 120_000 }, async () => {
    const { context, page, watch } = await env.newPage(viewport);
    try {
      await login(page, USERS.coordinator.email, USERS.coordinator.password);
      for (const path of ['/plan', '/plan/initiatives/nouvelle', '/plan/partenariats/nouveau', '/plan/financements/nouveau']) {
        const response = await page.goto(path);
        assert.equal(response.status(), 200, path);
        await expectAccessible(page, `${path} at ${viewport}`);
      }

      // Forms sent back with errors next to the fields.
      watch.expectStatus(`${env.server.baseUrl}/plan/financements/nouveau`, 422);
      await page.goto('/plan/financements/nouveau');
      await page.getByLabel('Montant *').fill('beaucoup');
      await page.getByRole('button', { name: 'Créer le financement' }).click();
      await page.getByText('Le formulaire n’a pas été enregistré').waitFor();
      assert.equal(await page.getByLabel('Montant *').getAttribute('aria-invalid'), 'true');
      assert.equal(await page.getByLabel('Montant *').inputValue(), 'beaucoup', 'what was typed comes back');
      await expectAccessible(page, `refused funding form at ${viewport}`);

      watch.expectStatus(`${env.server.baseUrl}/plan/initiatives/nouvelle`, 422);
      await page.goto('/plan/initiatives/nouvelle');
      await page.getByLabel('Année, ligne 1').fill('20x6');
      await page.getByLabel('Indicateur, ligne 1').selectOption('actions');
      await page.getByRole('button', { name: 'Créer l’initiative' }).click();
      await page.getByText('Le formulaire n’a pas été enregistré').waitFor();
      assert.equal(await page.getByLabel('Nom de l’initiative *').getAttribute('aria-invalid'), 'true');
      assert.equal(await page.getByLabel('Année, ligne 1').getAttribute('aria-invalid'), 'true');
      await expectAccessible(page, `refused initiative form at ${viewport}`);

      watch.expectStatus(`${env.server.baseUrl}/plan/partenariats/nouveau`, 422);
      await page.goto('/plan/partenariats/nouveau');
      await page.getByLabel('Date de début').fill('2027-01-01');
      await page.getByLabel('Date de fin').fill('2026-01-01');
      await page.getByRole('button', { name: 'Créer le partenariat' }).click();
      await page.getByText('Le formulaire n’a pas été enregistré').waitFor();
      assert.equal(await page.getByLabel('Date de fin').getAttribute('aria-invalid'), 'true');
      await expectAccessible(page, `refused partnership form at ${viewport}`);
      assert.deepEqual(watch.take(), [], 'no console or CSP error');
    } finally {
      await context.close();
    }
  });
}
