// The dashboard in a browser: no axe-core violation for a coordinator and for the admin (federation view and a
// territory's), on a desktop and on a phone, nothing wider than the screen, no console error; the filters work with
// the keyboard alone (htmx swaps the page body, the address keeps the filter, focus goes to the heading).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useEnvironment, login, axeViolations, formatViolations, focused, tabTo, USERS, TERRITORY, VIEWPORTS,
} from './support.mjs';

const env = useEnvironment();

// The filters come after the navigation and the figures: more Tab presses than on other pages.
const FILTER_TABS = 60;

// The checks every view passes: 200, axe clean, nothing wider than the viewport, SVG charts with their tables.
async function checkView(page, watch, url, where) {
  const response = await page.goto(url, { waitUntil: 'load' });
  assert.equal(response.status(), 200, `${where}: ${url} answered ${response.status()}`);
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0, formatViolations(violations, where));
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `${where}: the page is ${overflow}px wider than the screen`);
  const charts = await page.locator('svg[role="img"]').count();
  assert.ok(charts >= 3, `${where}: ${charts} charts`);
  // Every chart's SVG fits its column.
  const widest = await page.evaluate(() => Math.max(...[...document.querySelectorAll('svg[role="img"]')]
    .map((s) => s.getBoundingClientRect().right)) - document.documentElement.clientWidth);
  assert.ok(widest <= 1, `${where}: a chart overflows by ${widest}px`);
  assert.deepEqual(watch.take(), [], `${where}: console errors`);
}

for (const viewport of Object.keys(VIEWPORTS)) {
  test(`coordinator at ${viewport} size: the dashboard is accessible`, { timeout: 120_000 }, async () => {
    const { context, page, watch } = await env.newPage(viewport);
    try {
      await login(page, USERS.coordinator.email, USERS.coordinator.password);
      await checkView(page, watch, '/tableau-de-bord', `coordinator, ${viewport}`);
      await checkView(page, watch, '/tableau-de-bord?du=2000-01&au=', `coordinator, whole history, ${viewport}`);
      // Bad values: messages next to the fields, still accessible.
      await checkView(page, watch, '/tableau-de-bord?du=2026-13&type=pirate', `coordinator, bad filters, ${viewport}`);
      assert.ok(await page.getByText('Certains filtres n’ont pas été appliqués').isVisible());
      // A coordinator has no territory choice.
      assert.equal(await page.locator('#filtre-territoire').count(), 0);
    } finally {
      await context.close();
    }
  });

  test(`admin at ${viewport} size: the federation and a territory are accessible`, { timeout: 120_000 }, async () => {
    const { context, page, watch } = await env.newPage(viewport);
    try {
      await login(page, USERS.admin.email, USERS.admin.password);
      await checkView(page, watch, '/tableau-de-bord', `admin, federation, ${viewport}`);
      assert.ok(await page.locator('#tableau-territoires').count() === 1, 'the territories side by side');
      await checkView(page, watch, `/tableau-de-bord?territoire=${TERRITORY}`, `admin, ${TERRITORY}, ${viewport}`);
      assert.ok(await page.getByRole('link', { name: 'Retour à la vue nationale' }).isVisible());
    } finally {
      await context.close();
    }
  });
}

test('the filters work with the keyboard alone', { timeout: 120_000 }, async () => {
  const { context, page, watch } = await env.newPage('desktop');
  try {
    await login(page, USERS.coordinator.email, USERS.coordinator.password);
    await page.goto('/tableau-de-bord');
    // Tab to the kind of action, choose the second option with the arrow key.
    await tabTo(page, (f) => f.id === 'filtre-type', 'the « Type d’action » filter', FILTER_TABS);
    await page.keyboard.press('ArrowDown');
    const kind = await page.locator('#filtre-type').inputValue();
    assert.notEqual(kind, '', 'ArrowDown chose a kind');
    // On to the priority-education box: Space ticks it.
    await tabTo(page, (f) => f.id === 'filtre-rep', 'the priority-education box', FILTER_TABS);
    await page.keyboard.press('Space');
    assert.ok(await page.locator('#filtre-rep').isChecked());
    // Then the submit button, Enter applies the filters.
    const button = await tabTo(page, (f) => f.tag === 'BUTTON' && f.text === 'Appliquer les filtres', 'the submit button',
      FILTER_TABS);
    assert.equal(button.tag, 'BUTTON');
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get('type') === kind && url.searchParams.get('rep') === '1'),
      page.keyboard.press('Enter'),
    ]);
    await page.waitForLoadState('networkidle', { timeout: 3000 }).catch(() => {});
    // The new body shows the filter back, and focus is on its heading (app.js) or still in the main content.
    assert.equal(await page.locator('#filtre-type').inputValue(), kind);
    assert.ok(await page.locator('#filtre-rep').isChecked());
    const f = await focused(page);
    assert.ok(f.tag === 'H1' || (await page.evaluate(() => !!document.activeElement.closest('main'))),
      `focus after filtering is on ${f.tag} "${f.text.slice(0, 40)}"`);
    const violations = await axeViolations(page);
    assert.equal(violations.length, 0, formatViolations(violations, 'after filtering'));
    // The export links keep the filter.
    const csv = await page.locator('a[href^="/tableau-de-bord/export.csv"]').getAttribute('href');
    assert.match(csv, new RegExp(`type=${kind}`));
    assert.match(csv, /rep=1/);
    assert.deepEqual(watch.take(), []);
  } finally {
    await context.close();
  }
});
