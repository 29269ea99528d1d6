// The discourse kit and the internal networks in a browser: an ambassador adds a line to the clichés page, finds her
// version in the history and the line she added in its diff; the kit, a page, its history, a diff, the networks,
// a network's page and the public page of a network have no axe-core violation, on a desktop and on a phone, and
// log no console or CSP error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useEnvironment, login, axeViolations, formatViolations, USERS, VIEWPORTS } from './support.mjs';

const env = useEnvironment();

async function expectAccessible(page, where) {
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0, formatViolations(violations, where));
}

test('an ambassador edits the clichés page and finds her change in the history', { timeout: 120_000 }, async () => {
  const { context, page, watch } = await env.newPage('desktop');
  try {
    const line = `- Exemple ajouté en classe de 4e (${Date.now().toString(36)})`;
    const summary = 'Ajout d’un exemple vécu en 4e';
    await login(page, USERS.ambassador.email, USERS.ambassador.password);
    await page.goto('/collectif/kit');
    await page.getByRole('heading', { level: 1, name: 'Kit de discours' }).waitFor();
    await page.getByRole('link', { name: 'Réponses aux clichés' }).click();
    await page.getByRole('heading', { level: 1, name: 'Réponses aux clichés' }).waitFor();
    await page.getByRole('heading', { level: 2, name: '« C’est sale »' }).waitFor();
    await page.getByRole('link', { name: 'Modifier cette page' }).click();

    const text = page.getByLabel('Texte *');
    const before = await text.inputValue();
    assert.ok(before.includes('« C’est bruyant »'), 'the form holds the current text');
    await text.fill(`${before.trimEnd()}\n${line}\n`);
    await page.getByLabel('Résumé de la modification').fill(summary);
    await page.getByRole('button', { name: 'Enregistrer une nouvelle version' }).click();
    await page.getByText('Modifications enregistrées : une nouvelle version de la page est dans l’historique.').waitFor();
    assert.ok((await page.locator('.kit-body').innerText()).includes(line.slice(2)), 'the new line is on the page');
    await expectAccessible(page, 'the clichés page after her change');

    await page.getByRole('link', { name: 'Historique des versions' }).click();
    const versions = page.getByRole('table', { name: 'Versions de la page, de la plus récente à la plus ancienne' });
    const newest = versions.getByRole('row').nth(1);
    assert.ok((await newest.innerText()).includes(summary), await newest.innerText());
    assert.ok((await newest.innerText()).includes('(actuelle)'));
    await expectAccessible(page, 'history');

    await newest.getByRole('link').click();
    await page.getByRole('heading', { level: 2, name: /Ce qui a changé depuis la version \d+/ }).waitFor();
    const added = page.locator('.kit-diff ins');
    assert.equal(await added.count(), 1, 'one line added');
    assert.ok((await added.innerText()).includes(line), await added.innerText());
    assert.equal(await page.locator('.kit-diff del').count(), 0, 'nothing removed');
    await expectAccessible(page, 'diff of her version');
    assert.deepEqual(watch.take(), [], 'no console or CSP error');
  } finally {
    await context.close();
  }
});

for (const viewport of Object.keys(VIEWPORTS)) {
  test(`kit and network pages are accessible at ${viewport} size`, { timeout: 120_000 }, async () => {
    const { context, page, watch } = await env.newPage(viewport);
    try {
      await login(page, USERS.coordinator.email, USERS.coordinator.password);
      const visit = async (path, where = path) => {
        const response = await page.goto(path);
        assert.equal(response.status(), 200, path);
        await expectAccessible(page, `${where} at ${viewport}`);
      };
      await visit('/collectif/kit');
      await visit('/collectif/kit?tag=cliches#ressources', 'resources filtered by a tag');
      await visit('/collectif/kit/pages/mon-discours-en-5-minutes');
      await visit('/collectif/kit/pages/mon-discours-en-5-minutes/historique');
      await visit('/collectif/kit/pages/mon-discours-en-5-minutes/historique/2', 'a diff');
      await visit('/collectif/kit/pages/nouvelle');
      await visit('/collectif/kit/ressources/nouvelle');
      await visit('/collectif/reseaux');
      const network = await page.locator('a[href^="/collectif/reseaux/"]').filter({ hasNotText: 'Créer' }).first()
        .getAttribute('href');
      assert.match(network, /^\/collectif\/reseaux\/\d+$/);
      await visit(network, 'a network page');
      await visit('/collectif/reseaux/nouveau');
      await page.goto('/collectif/reseaux');
      const publicPage = await page.locator('a[href^="/reseaux/"]').first().getAttribute('href');
      assert.match(publicPage, /^\/reseaux\/[a-z0-9-]+$/);

      // The public page, as anyone sees it.
      const anonymous = await env.browser.newContext({ ...VIEWPORTS[viewport], baseURL: env.server.baseUrl });
      try {
        const pub = await anonymous.newPage();
        const response = await pub.goto(publicPage);
        assert.equal(response.status(), 200, publicPage);
        await pub.getByRole('heading', { level: 2, name: 'En chiffres' }).waitFor();
        const violations = await axeViolations(pub);
        assert.equal(violations.length, 0, formatViolations(violations, `${publicPage} at ${viewport}`));
      } finally {
        await anonymous.close();
      }
      assert.deepEqual(watch.take(), [], 'no console or CSP error');
    } finally {
      await context.close();
    }
  });
}
