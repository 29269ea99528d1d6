// Directory search as you type (htmx under the site's CSP): results are replaced in place, stay accessible, and
// the browser logs no error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useEnvironment, login, axeViolations, formatViolations, USERS } from './support.mjs';

const env = useEnvironment();
const LISTS = ['/annuaire/etablissements', '/annuaire/organisations', '/annuaire/personnes'];

for (const path of LISTS) {
  test(`${path}: typing in the search box updates the results in place`, async (t) => {
    const { context, page, watch } = await env.newPage('phone');
    try {
      await login(page, USERS.coordinator.email, USERS.coordinator.password);
      const response = await page.goto(path);
      if (response.status() === 404) return t.skip('page not built yet');
      const results = page.locator('#resultats');
      const firstLink = results.locator('tbody a').first();
      if (!(await firstLink.count())) return t.skip('no rows to search for');
      // Search for one word of the first row's name: it must still be listed afterwards.
      const name = (await firstLink.textContent()).trim();
      const word = name.split(/[\s'’-]+/).filter((w) => w.length >= 4).sort((a, b) => b.length - a.length)[0] || name;
      const box = page.getByRole('searchbox');
      const [htmx] = await Promise.all([
        page.waitForResponse((r) => new URL(r.url()).pathname === path && r.request().headers()['hx-request'] === 'true'),
        box.fill(word),
      ]);
      assert.equal(htmx.status(), 200);
      await page.waitForFunction(() => !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling'));
      assert.equal(new URL(page.url()).pathname, path, 'the page was not reloaded');
      assert.equal(await page.locator('h1').count(), 1, 'the partial does not bring a second layout');
      assert.ok((await results.textContent()).toLowerCase().includes(word.toLowerCase()),
        `searching "${word}" no longer lists "${name}"`);
      const violations = await axeViolations(page);
      assert.equal(violations.length, 0, formatViolations(violations, `${path} after searching "${word}"`));

      // A search that matches nothing says so.
      await Promise.all([
        page.waitForResponse((r) => new URL(r.url()).pathname === path && r.request().headers()['hx-request'] === 'true'),
        box.fill('zzqxjw'),
      ]);
      await page.waitForFunction(() => !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling'));
      assert.equal(await results.locator('tbody tr').count(), 0, 'no rows for a nonsense query');
      assert.ok((await results.textContent()).trim().length > 0, 'an empty result says so');
      assert.deepEqual(watch.take(), []);
    } finally {
      await context.close();
    }
  });
}
