// Keyboard only: the skip link comes first and moves focus to the main content; logging in and out needs no mouse.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useEnvironment, USERS, focused, tabTo } from './support.mjs';

const env = useEnvironment();

for (const viewport of ['desktop', 'phone']) {
  test(`${viewport}: the first Tab on the home page reaches the skip link, which moves focus to main`, async () => {
    const { context, page, watch } = await env.newPage(viewport);
    try {
      await page.goto('/');
      await page.keyboard.press('Tab');
      const f = await focused(page);
      assert.equal(f.tag, 'A', `first Tab focused ${f.tag} "${f.text}", not the skip link`);
      assert.match(f.href || '', /^#./, `first focused link "${f.text}" is not an in-page skip link`);
      assert.match(f.text, /contenu/i, 'the skip link says where it goes');
      const targetTag = await page.evaluate((id) => document.getElementById(id)?.tagName, f.href.slice(1));
      assert.equal(targetTag, 'MAIN', `the skip link points to ${f.href}, which is not <main>`);
      // Visible when focused: on screen, not clipped to nothing.
      assert.ok(f.box.width > 1 && f.box.height > 1, `focused skip link is ${f.box.width}×${f.box.height}`);
      assert.ok(f.box.x >= 0 && f.box.y >= 0 && f.box.x + f.box.width <= f.viewport.width &&
        f.box.y + f.box.height <= f.viewport.height, `focused skip link is off screen at ${JSON.stringify(f.box)}`);

      await page.keyboard.press('Enter');
      const after = await focused(page);
      assert.ok(after.tag === 'MAIN' || after.inMain, `after the skip link, focus is on ${after.tag} "${after.text.slice(0, 40)}"`);
      await page.keyboard.press('Tab');
      const next = await focused(page);
      assert.ok(!next.inHeader, `Tab after skipping went back to the header ("${next.text}")`);
      assert.deepEqual(watch.take(), []);
    } finally {
      await context.close();
    }
  });
}

test('the login form can be filled and submitted, and the session closed, with the keyboard only', async () => {
  const { context, page, watch } = await env.newPage('desktop');
  try {
    const u = USERS.coordinator;
    await page.goto('/connexion');
    await tabTo(page, (f) => f.id === 'email', 'the e-mail field');
    await page.keyboard.type(u.email);
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).id, 'password', 'Tab from the e-mail field goes to the password');
    await page.keyboard.type(u.password);
    await page.keyboard.press('Tab');
    const button = await focused(page);
    assert.ok(button.tag === 'BUTTON' && button.text === 'Se connecter', `Tab from the password reached ${button.tag} "${button.text}"`);
    await Promise.all([page.waitForURL((url) => url.pathname === '/tableau-de-bord'), page.keyboard.press('Enter')]);
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Tableau de bord');

    // Logging out: Tab to the button in the navigation and press Space.
    await page.goto('/tableau-de-bord');
    await tabTo(page, (f) => f.tag === 'BUTTON' && f.text === 'Se déconnecter', 'the logout button', 40);
    await Promise.all([page.waitForURL((url) => url.pathname === '/'), page.keyboard.press('Space')]);
    assert.ok(await page.getByRole('link', { name: 'Se connecter' }).isVisible(), 'logged out: the login link is back');
    assert.deepEqual(watch.take(), []);
  } finally {
    await context.close();
  }
});

test('Enter in the password field submits the login form', async () => {
  const { context, page, watch } = await env.newPage('phone');
  try {
    const u = USERS.admin;
    await page.goto('/connexion');
    await page.getByLabel('Adresse e-mail').focus();
    await page.keyboard.type(u.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(u.password);
    await Promise.all([page.waitForURL((url) => url.pathname === '/tableau-de-bord'), page.keyboard.press('Enter')]);
    assert.deepEqual(watch.take(), []);
  } finally {
    await context.close();
  }
});
